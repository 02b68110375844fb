package dev.leadport.imports.reading;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the field separator of delimited text from its first records: for each candidate it counts separators
 * outside quotes per record and prefers the one whose count is the same on the most records (and higher when tied).
 * Comma wins when nothing else is convincing, since a one-column file has no separator to find.
 */
final class DelimiterDetector {

    static final List<Character> CANDIDATES = List.of(',', ';', '\t', '|');

    private static final int SAMPLE_RECORDS = 50;
    private static final int SAMPLE_CHARS = 64 * 1024;

    private DelimiterDetector() {}

    /** Reads a sample from {@code text} (which the caller closes) and guesses its separator. */
    static char detect(Reader text) throws IOException {
        char[] buffer = new char[SAMPLE_CHARS];
        int length = text.read(buffer, 0, buffer.length);
        int filled = Math.max(length, 0);
        while (length > 0 && filled < buffer.length) {
            length = text.read(buffer, filled, buffer.length - filled);
            filled += Math.max(length, 0);
        }
        return detect(new String(buffer, 0, filled));
    }

    /** Guesses the separator of a sample of the file's text. */
    static char detect(String sample) {
        char best = ',';
        double bestScore = 0;
        for (char candidate : CANDIDATES) {
            double score = consistency(countsPerRecord(sample, candidate));
            if (score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /**
     * The share of records having the most common non-zero count, plus a small bonus for a higher count so that a
     * file with 5 semicolons per record beats one with an occasional comma in every record.
     */
    private static double consistency(List<Integer> counts) {
        Map<Integer, Integer> frequency = new HashMap<>();
        for (int count : counts) {
            if (count > 0) {
                frequency.merge(count, 1, Integer::sum);
            }
        }
        return frequency.entrySet().stream()
                .mapToDouble(e -> (double) e.getValue() / counts.size() + Math.min(e.getKey(), 50) / 1000.0)
                .max()
                .orElse(0);
    }

    /**
     * Separator counts for each non-blank record in the sample. A quote opens a quoted field only at the start of a
     * field (as in RFC 4180), so quoted separators and line breaks do not count but a stray quote does no harm.
     */
    private static List<Integer> countsPerRecord(String sample, char separator) {
        List<Integer> counts = new ArrayList<>();
        boolean quoted = false;
        boolean fieldStart = true;
        boolean blank = true;
        int count = 0;
        for (int i = 0; i < sample.length() && counts.size() < SAMPLE_RECORDS; i++) {
            char c = sample.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < sample.length() && sample.charAt(i + 1) == '"') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '\n' || c == '\r') {
                if (!blank) {
                    counts.add(count);
                }
                count = 0;
                blank = true;
                fieldStart = true;
            } else {
                quoted = c == '"' && fieldStart;
                fieldStart = c == separator;
                count += fieldStart ? 1 : 0;
                blank = false;
            }
        }
        if (!blank && !quoted && counts.size() < SAMPLE_RECORDS) {
            counts.add(count);
        }
        return counts.isEmpty() ? List.of(0) : counts;
    }
}
