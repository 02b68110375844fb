package dev.leadport.imports.reading;

import dev.leadport.imports.reading.EncodingDetector.DetectedEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rejects binary files uploaded as CSV (a PDF, an image, a database dump renamed .csv) before they turn into a
 * million rows of garbage: known signatures, NUL characters or more than a few control characters in the first KB.
 */
final class BinaryContentCheck {

    private static final int SAMPLE_BYTES = 1024;
    /** Some exports carry a stray form feed or vertical tab; more than this share of control characters is binary. */
    private static final double MAX_CONTROL_SHARE = 0.02;

    private BinaryContentCheck() {}

    static void requireText(Path file, DetectedEncoding encoding) throws IOException, UnreadableFileException {
        byte[] sample;
        try (InputStream in = Files.newInputStream(file)) {
            sample = in.readNBytes(SAMPLE_BYTES);
        }
        String signature = knownBinarySignature(sample);
        if (signature != null) {
            throw new UnreadableFileException("the file is " + signature + ", not a CSV file");
        }
        int start = encoding.bomLength();
        String text = new String(sample, start, sample.length - start, encoding.charset());
        long nul = text.chars().filter(c -> c == 0).count();
        if (nul > 0) {
            throw new UnreadableFileException("the file contains NUL bytes, so it is a binary file and not a CSV file");
        }
        long control =
                text.chars().filter(BinaryContentCheck::isUnexpectedControl).count();
        if (control > Math.max(1, text.length() * MAX_CONTROL_SHARE)) {
            throw new UnreadableFileException(
                    "the file contains control characters, so it is a binary file and not a CSV file");
        }
    }

    private static boolean isUnexpectedControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F;
    }

    private static String knownBinarySignature(byte[] sample) {
        String ascii = new String(sample, 0, Math.min(sample.length, 8), StandardCharsets.ISO_8859_1);
        if (ascii.startsWith("%PDF")) {
            return "a PDF document";
        }
        if (ascii.startsWith("\u0089PNG") || ascii.startsWith("GIF8") || ascii.startsWith("\u00FF\u00D8\u00FF")) {
            return "an image";
        }
        if (ascii.startsWith("\u001F\u008B")) {
            return "a gzip archive";
        }
        return null;
    }
}
