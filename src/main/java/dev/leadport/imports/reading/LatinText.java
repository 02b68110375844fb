package dev.leadport.imports.reading;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

/**
 * On a short list of names ICU's detector may rank a Latin single-byte encoding above the Chinese, Japanese or Korean
 * one the file is in, since any byte is a Latin character. Read that way, the text has runs of accented letters and
 * symbols with no ASCII letter beside them ("¹â¶¶"), where a European name has its "ü" inside an ASCII word; such a
 * reading gives way to the best double-byte encoding that decodes the bytes, unsure unless the detector was sure of it.
 */
final class LatinText {

    private static final Set<String> DOUBLE_BYTE = Set.of("Shift_JIS", "EUC-JP", "EUC-KR", "Big5", "GB18030");

    private LatinText() {}

    static void preferDoubleByteOverImplausibleLatin(List<EncodingDetector.Candidate> candidates, byte[] sample) {
        if (candidates.isEmpty()
                || DOUBLE_BYTE.contains(candidates.get(0).charset().name())) {
            return;
        }
        if (besideAsciiLetters(new String(sample, candidates.get(0).charset())) >= 0.5) {
            return;
        }
        for (EncodingDetector.Candidate candidate : List.copyOf(candidates)) {
            if (DOUBLE_BYTE.contains(candidate.charset().name())) {
                candidates.remove(candidate);
                int confidence = Math.min(candidate.confidence(), EncodingDetector.SURE - 1);
                candidates.add(0, new EncodingDetector.Candidate(candidate.charset(), confidence));
                KoreanText.preferJapaneseOverImplausibleKorean(candidates, sample);
                return;
            }
        }
    }

    /** The share of non-ASCII characters that have an ASCII letter right before or after them. */
    private static double besideAsciiLetters(String text) {
        int nonAscii = 0;
        int beside = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < 0x80) {
                continue;
            }
            nonAscii++;
            boolean before = i > 0 && asciiLetter(text.charAt(i - 1));
            boolean after = i + 1 < text.length() && asciiLetter(text.charAt(i + 1));
            if (before || after) {
                beside++;
            }
        }
        return nonAscii == 0 ? 1 : (double) beside / nonAscii;
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDoubleByte(Charset charset) {
        return DOUBLE_BYTE.contains(charset.name());
    }
}
