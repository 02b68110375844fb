package dev.leadport.imports.reading;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the character encoding of a text file. A byte order mark decides UTF-8, UTF-16 or UTF-32; the pattern of zero
 * bytes at the start finds UTF-16 and UTF-32 without one; a file every byte of which decodes as UTF-8 is UTF-8 (the
 * whole file is checked, streamed, because a single "é" on row 900,000 would otherwise be garbled). Anything else is
 * left to ICU's {@link CharsetDetector}, fed the lines that hold non-ASCII bytes; its candidates must decode those
 * lines without an error. The answer says how sure it is, and which other
 * encodings would also read the file, so a user can choose.
 */
public final class EncodingDetector {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    static final Charset UTF_32BE = Charset.forName("UTF-32BE");

    /** ICU's confidence (0..100) from which a guess counts as sure, given no close runner-up. */
    public static final int SURE = 30;
    /** How far ahead of the next candidate a sure guess must be. */
    private static final int LEAD = 10;

    private static final int CHUNK = 64 * 1024;
    private static final int ZERO_SAMPLE = 4096;
    /** Non-ASCII lines handed to the detector; plenty for its statistics, bounded for memory. */
    private static final int DETECTOR_SAMPLE = 64 * 1024;

    /**
     * A detected encoding, how many bytes of byte order mark precede the text, the detector's confidence (100 when a
     * BOM, the zero-byte pattern or strict UTF-8 decided) and other encodings that read the file too.
     */
    public record DetectedEncoding(Charset charset, int bomLength, int confidence, List<String> alternatives) {

        public DetectedEncoding {
            alternatives = List.copyOf(alternatives);
        }

        public DetectedEncoding(Charset charset, int bomLength) {
            this(charset, bomLength, 100, List.of());
        }

        public boolean certain() {
            return confidence >= SURE;
        }
    }

    private EncodingDetector() {}

    static DetectedEncoding detect(Path file) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(ZERO_SAMPLE);
        }
        Optional<DetectedEncoding> bySignature = byByteOrderMark(start).or(() -> byZeroBytes(start));
        if (bySignature.isPresent()) {
            return bySignature.get();
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (isWhollyUtf8(in)) {
                return new DetectedEncoding(StandardCharsets.UTF_8, 0);
            }
        }
        // Not UTF-8: the check stopped at the first byte that is not, so this is the only other read of the file.
        try (InputStream in = Files.newInputStream(file)) {
            return byDetector(nonAsciiLines(in));
        }
    }

    /** The encoding a user chose; a byte order mark of that encoding is skipped. */
    static DetectedEncoding chosen(Path file, Charset charset) throws IOException {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4);
        }
        int bom = byByteOrderMark(start)
                .filter(d -> d.charset().equals(charset))
                .map(DetectedEncoding::bomLength)
                .orElse(0);
        return new DetectedEncoding(charset, bom);
    }

    /** An encoding by the name users and ICU give it ("Shift_JIS", "latin1", "UTF-16LE"). */
    public static Optional<Charset> named(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            // Not a charset this JVM has; the caller says so to the user.
            return Optional.empty();
        }
    }

    private static Optional<DetectedEncoding> byByteOrderMark(byte[] s) {
        if (s.length >= 4 && u(s[0]) == 0xFF && u(s[1]) == 0xFE && s[2] == 0 && s[3] == 0) {
            return Optional.of(new DetectedEncoding(UTF_32LE, 4));
        }
        if (s.length >= 4 && s[0] == 0 && s[1] == 0 && u(s[2]) == 0xFE && u(s[3]) == 0xFF) {
            return Optional.of(new DetectedEncoding(UTF_32BE, 4));
        }
        if (s.length >= 3 && u(s[0]) == 0xEF && u(s[1]) == 0xBB && u(s[2]) == 0xBF) {
            return Optional.of(new DetectedEncoding(StandardCharsets.UTF_8, 3));
        }
        if (s.length >= 2 && u(s[0]) == 0xFF && u(s[1]) == 0xFE) {
            return Optional.of(new DetectedEncoding(StandardCharsets.UTF_16LE, 2));
        }
        if (s.length >= 2 && u(s[0]) == 0xFE && u(s[1]) == 0xFF) {
            return Optional.of(new DetectedEncoding(StandardCharsets.UTF_16BE, 2));
        }
        return Optional.empty();
    }

    /**
     * A CSV is mostly ASCII (separators, digits, addresses), which UTF-16 writes with a zero byte beside each
     * character and UTF-32 with three; where the zeros sit tells the byte order. Text with no zero byte is neither.
     */
    private static Optional<DetectedEncoding> byZeroBytes(byte[] s) {
        int length = s.length - s.length % 4;
        if (length < 8) {
            return Optional.empty();
        }
        double[] zeros = new double[4];
        for (int i = 0; i < length; i++) {
            if (s[i] == 0) {
                zeros[i % 4] += 4.0 / length;
            }
        }
        List<Charset> candidates = new ArrayList<>();
        if (zeros[1] > 0.9 && zeros[2] > 0.9 && zeros[3] > 0.9) {
            candidates.add(UTF_32LE);
        } else if (zeros[0] > 0.9 && zeros[1] > 0.9 && zeros[2] > 0.9) {
            candidates.add(UTF_32BE);
        } else if (zeros[1] > 0.5 && zeros[3] > 0.5 && zeros[0] < 0.1 && zeros[2] < 0.1) {
            candidates.add(StandardCharsets.UTF_16LE);
        } else if (zeros[0] > 0.5 && zeros[2] > 0.5 && zeros[1] < 0.1 && zeros[3] < 0.1) {
            candidates.add(StandardCharsets.UTF_16BE);
        }
        byte[] aligned = java.util.Arrays.copyOf(s, length);
        return candidates.stream().filter(c -> decodes(c, aligned)).findFirst().map(c -> new DetectedEncoding(c, 0));
    }

    private static DetectedEncoding byDetector(byte[] sample) {
        CharsetDetector detector = new CharsetDetector();
        detector.setText(sample);
        List<Candidate> candidates = new ArrayList<>();
        for (CharsetMatch match : detector.detectAll()) {
            Optional<Charset> charset = named(javaName(match.getName()));
            if (charset.isEmpty() || isUnicode(charset.get()) || !decodes(charset.get(), sample)) {
                continue;
            }
            if (candidates.stream().noneMatch(c -> c.charset().equals(charset.get()))) {
                candidates.add(new Candidate(charset.get(), match.getConfidence()));
            }
        }
        KoreanText.preferJapaneseOverImplausibleKorean(candidates, sample);
        LatinText.preferDoubleByteOverImplausibleLatin(candidates, sample);
        if (candidates.isEmpty()) {
            return new DetectedEncoding(WINDOWS_1252, 0, 0, List.of());
        }
        Candidate best = sameTextAsWindows1252(candidates.get(0), sample);
        int runnerUp = candidates.size() > 1 ? candidates.get(1).confidence() : 0;
        int confidence =
                best.confidence() - runnerUp >= LEAD ? best.confidence() : Math.min(best.confidence(), SURE - 1);
        List<String> alternatives = candidates.stream()
                .skip(1)
                .filter(c -> c.confidence() >= 10)
                .limit(3)
                .map(c -> c.charset().name())
                .toList();
        return new DetectedEncoding(best.charset(), 0, confidence, alternatives);
    }

    /**
     * Latin encodings that read these bytes as the very same text as windows-1252 (ISO-8859-1 always does for real
     * text; windows-1250 does for "René" and "€") give way to it: it is what Excel writes, and the text is the same.
     */
    private static Candidate sameTextAsWindows1252(Candidate best, byte[] sample) {
        if (best.charset().equals(WINDOWS_1252) || !decodes(WINDOWS_1252, sample)) {
            return best;
        }
        boolean same = new String(sample, best.charset()).equals(new String(sample, WINDOWS_1252));
        return same ? new Candidate(WINDOWS_1252, best.confidence()) : best;
    }

    /** A detector's candidate and its confidence (0..100). */
    record Candidate(Charset charset, int confidence) {}

    private static String javaName(String icuName) {
        return switch (icuName.toUpperCase(Locale.ROOT)) {
            case "ISO-8859-8-I" -> "ISO-8859-8";
            case "ISO-8859-6-I", "ISO-8859-6-E" -> "ISO-8859-6";
            default -> icuName;
        };
    }

    private static boolean isUnicode(Charset charset) {
        String name = charset.name();
        return name.startsWith("UTF-");
    }

    static boolean decodes(Charset charset, byte[] bytes) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            // The bytes are not text in this encoding, which is what the question was.
            return false;
        }
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

    /**
     * The lines of the stream that hold a byte above 0x7F, up to {@link #DETECTOR_SAMPLE} bytes: what tells one
     * encoding from another, without the ASCII that all of them share. Reading stops once the sample is full.
     */
    static byte[] nonAsciiLines(InputStream in) throws IOException {
        ByteArrayOutputStream sample = new ByteArrayOutputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean high = false;
        byte[] buffer = new byte[CHUNK];
        int read;
        while (sample.size() < DETECTOR_SAMPLE && (read = in.read(buffer)) > 0) {
            int lineStart = 0;
            for (int i = 0; i < read; i++) {
                high |= buffer[i] < 0;
                if (buffer[i] == '\n') {
                    if (high) {
                        line.write(buffer, lineStart, i + 1 - lineStart);
                        append(sample, line);
                    }
                    line.reset();
                    lineStart = i + 1;
                    high = false;
                }
            }
            if (line.size() < DETECTOR_SAMPLE) {
                line.write(buffer, lineStart, read - lineStart);
            }
        }
        if (high) {
            append(sample, line);
        }
        return sample.toByteArray();
    }

    private static void append(ByteArrayOutputStream sample, ByteArrayOutputStream line) {
        if (sample.size() + line.size() <= DETECTOR_SAMPLE) {
            sample.writeBytes(line.toByteArray());
        }
    }

    private static int u(byte b) {
        return b & 0xFF;
    }
}
