package dev.leadport.imports.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write a file, read every row of it. */
public final class Sources {

    private Sources() {}

    static Path write(Path dir, String name, String text, Charset charset) {
        return write(dir, name, text.getBytes(charset));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    public static List<SourceRow> rowsOf(TabularSource source) {
        List<SourceRow> rows = new ArrayList<>();
        source.forEach(rows::add);
        return rows;
    }

    static List<SourceRow> readAll(Path file) throws Exception {
        return readAll(file, ReadOptions.DEFAULTS);
    }

    static List<SourceRow> readAll(Path file, ReadOptions options) throws Exception {
        try (TabularSource source = TabularSource.open(file, options)) {
            return rowsOf(source);
        }
    }
}
