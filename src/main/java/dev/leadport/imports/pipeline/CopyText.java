package dev.leadport.imports.pipeline;

/** Writes values in PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */
final class CopyText {

    private final StringBuilder line = new StringBuilder(256);
    private boolean first = true;

    CopyText add(Object value) {
        if (!first) {
            line.append('\t');
        }
        first = false;
        if (value == null) {
            line.append("\\N");
            return this;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case '\0' -> {
                    // PostgreSQL text cannot hold NUL; readers already reject files containing it.
                }
                default -> line.append(c);
            }
        }
        return this;
    }

    /** The finished line, and a fresh start for the next one. */
    String endLine() {
        line.append('\n');
        String result = line.toString();
        line.setLength(0);
        first = true;
        return result;
    }
}
