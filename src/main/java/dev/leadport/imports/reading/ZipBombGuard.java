package dev.leadport.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Checks an XLSX (a zip of XML parts) before fastexcel-reader opens it, since that library has no limits of its own:
 * the number of entries, the declared inflated sizes, and then the real inflated size, streamed and counted, because
 * a crafted zip can declare small sizes and inflate to gigabytes.
 */
final class ZipBombGuard {

    /** Spreadsheet XML compresses well, but not a thousandfold; beyond that a large entry is a bomb. */
    private static final long MAX_RATIO = 1_000;

    private static final long RATIO_CHECK_FROM_BYTES = 10L * 1024 * 1024;

    private ZipBombGuard() {}

    static void check(Path file, ReadOptions options) throws IOException, UnreadableFileException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkDeclaredSizes(zip, options);
            checkInflatedSize(zip, options);
        } catch (ZipException e) {
            throw new UnreadableFileException("the file is not a valid .xlsx workbook (" + e.getMessage() + ")");
        }
    }

    private static void checkDeclaredSizes(ZipFile zip, ReadOptions options) throws UnreadableFileException {
        if (zip.size() > options.maxZipEntries()) {
            throw bomb("it has " + zip.size() + " parts, more than the " + options.maxZipEntries() + " allowed");
        }
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            long size = Math.max(entry.getSize(), 0);
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (size > RATIO_CHECK_FROM_BYTES && size / compressed > MAX_RATIO) {
                throw bomb("part " + entry.getName() + " inflates " + size / compressed + " times");
            }
            total += size;
            if (total > options.maxInflatedBytes()) {
                throw tooLarge(options);
            }
        }
    }

    private static void checkInflatedSize(ZipFile zip, ReadOptions options)
            throws IOException, UnreadableFileException {
        byte[] discard = new byte[64 * 1024];
        long total = 0;
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            try (InputStream in = zip.getInputStream(entries.nextElement())) {
                for (int read = in.read(discard); read >= 0; read = in.read(discard)) {
                    total += read;
                    if (total > options.maxInflatedBytes()) {
                        throw tooLarge(options);
                    }
                }
            }
        }
    }

    private static UnreadableFileException tooLarge(ReadOptions options) {
        return bomb("it inflates to more than " + options.maxInflatedBytes() / (1024 * 1024) + " MB");
    }

    private static UnreadableFileException bomb(String why) {
        return new UnreadableFileException("the workbook was rejected as a possible zip bomb: " + why);
    }
}
