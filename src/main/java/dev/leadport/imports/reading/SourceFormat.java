package dev.leadport.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The kinds of file an import reads, told apart by their first bytes, since users rename files freely. */
public enum SourceFormat {
    CSV,
    XLSX;

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    /** The format of {@code file}; anything that is not a zip or legacy Office file is treated as delimited text. */
    public static SourceFormat detect(Path file) throws IOException, UnreadableFileException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        }
        if (start.length == 0) {
            throw new UnreadableFileException("the file is empty");
        }
        if (Arrays.equals(start, OLE2)) {
            throw new UnreadableFileException(
                    "the file is an old Excel 97-2003 (.xls) workbook; save it as .xlsx or .csv and upload it again");
        }
        return Arrays.equals(start, ZIP) ? XLSX : CSV;
    }
}
