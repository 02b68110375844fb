package dev.leadport.imports.reading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the character encoding of a text file: a byte order mark decides UTF-8 or UTF-16; otherwise the file is
 * UTF-8 when every byte of it decodes as UTF-8, and Windows-1252 (what Excel on Windows writes) when not. The whole
 * file is checked, streamed, because a single "é" on row 900,000 would otherwise be garbled.
 */
final class EncodingDetector {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final int CHUNK = 64 * 1024;

    /** A detected encoding and how many bytes of byte order mark precede the text. */
    record DetectedEncoding(Charset charset, int bomLength) {}

    private EncodingDetector() {}

    static DetectedEncoding detect(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(3);
            DetectedEncoding byBom = byByteOrderMark(start);
            if (byBom != null) {
                return byBom;
            }
        }
        try (InputStream in = Files.newInputStream(file)) {
            boolean utf8 = isWhollyUtf8(in);
            return new DetectedEncoding(utf8 ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
        }
    }

    private static DetectedEncoding byByteOrderMark(byte[] start) {
        if (start.length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return new DetectedEncoding(StandardCharsets.UTF_8, 3);
        }
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE) {
            return new DetectedEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (start.length >= 2 && (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF) {
            return new DetectedEncoding(StandardCharsets.UTF_16BE, 2);
        }
        return null;
    }

    /** Decodes the stream chunk by chunk, keeping only a chunk in memory; a sequence split across chunks carries over. */
    static boolean isWhollyUtf8(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        boolean endOfInput = false;
        while (!endOfInput) {
            int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
            endOfInput = read < 0;
            if (read > 0) {
                bytes.position(bytes.position() + read);
            }
            bytes.flip();
            CoderResult result;
            do {
                chars.clear();
                result = decoder.decode(bytes, chars, endOfInput);
                if (result.isError()) {
                    return false;
                }
            } while (result.isOverflow());
            bytes.compact();
        }
        chars.clear();
        return !decoder.flush(chars).isError();
    }
}
