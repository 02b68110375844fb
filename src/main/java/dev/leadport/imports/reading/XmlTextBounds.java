package dev.leadport.imports.reading;

/**
 * Counts, while a workbook part inflates, what fastexcel-reader would later hold in memory at once, since that
 * library has no limits of its own: the text of one shared string ({@code <si>}, however many rich-text runs it is
 * split into) or one cell ({@code <c>}), the length of one tag, and the text of the whole shared-string table, which
 * the reader keeps in memory as it goes. A 3.7 MB file whose one shared string inflates to 400 MB used to run the
 * node out of heap; now it is refused before it is opened. Works on bytes, one at a time, holding nothing.
 */
final class XmlTextBounds {

    /** Excel's own limit for one cell is 32,767 characters. */
    static final int MAX_CELL_CHARS = 32_767;

    private static final long MAX_TAG_BYTES = 64 * 1024;

    private final String part;
    private final boolean sharedStrings;
    private final long maxTotalTextBytes;

    private boolean inTag;
    private boolean endTag;
    private boolean nameDone;
    private int previous;
    private long tagBytes;
    private final StringBuilder name = new StringBuilder(8);
    private int itemDepth;
    private long itemChars;
    private long runChars;
    private boolean inEntity;
    private long totalTextBytes;

    /**
     * @param part the part's name, for the message
     * @param sharedStrings whether the part is the shared-string table (items {@code si}; else cells, {@code c})
     * @param maxTotalTextBytes the most text the part may hold in all (the shared-string table is held in memory)
     */
    XmlTextBounds(String part, boolean sharedStrings, long maxTotalTextBytes) {
        this.part = part;
        this.sharedStrings = sharedStrings;
        this.maxTotalTextBytes = maxTotalTextBytes;
    }

    /**
     * The check for one zip entry, or null for parts that are not XML. Worksheets are streamed row by row, so only
     * their cells are bounded; every other XML part is read whole, so its text is bounded too.
     */
    static XmlTextBounds forPart(String entry, long maxHeldText) {
        if (!entry.endsWith(".xml") && !entry.endsWith(".rels")) {
            return null;
        }
        boolean sheet = entry.startsWith("xl/worksheets/");
        return new XmlTextBounds(entry, entry.equals("xl/sharedStrings.xml"), sheet ? Long.MAX_VALUE : maxHeldText);
    }

    void accept(byte[] bytes, int length) throws UnreadableFileException {
        for (int i = 0; i < length; i++) {
            accept(bytes[i]);
        }
    }

    private void accept(int b) throws UnreadableFileException {
        if (inTag) {
            if (b == '>') {
                closeTag();
            } else {
                tagBytes++;
                if (tagBytes > MAX_TAG_BYTES) {
                    throw refused("holds a tag of more than " + MAX_TAG_BYTES / 1024 + " KB");
                }
                readName(b);
            }
            previous = b;
            return;
        }
        if (b == '<') {
            runChars = 0;
            inEntity = false;
            inTag = true;
            endTag = false;
            nameDone = false;
            tagBytes = 0;
            name.setLength(0);
            previous = b;
            return;
        }
        // Characters, not bytes: UTF-8 continuation bytes and the rest of an entity ("&amp;") count for nothing.
        boolean newCharacter = !inEntity && (b & 0xC0) != 0x80;
        if (b == '&') {
            inEntity = true;
        } else if (inEntity && b == ';') {
            inEntity = false;
        }
        // A text run outside any cell is bounded too: the XML parser may hold a text node whole.
        if (newCharacter && ((itemDepth > 0 && ++itemChars > MAX_CELL_CHARS) || ++runChars > MAX_CELL_CHARS)) {
            throw refused("holds a " + (sharedStrings ? "shared string" : "cell") + " longer than " + MAX_CELL_CHARS
                    + " characters, Excel's own limit");
        }
        if (++totalTextBytes > maxTotalTextBytes) {
            throw refused("holds more than " + maxTotalTextBytes / (1024 * 1024) + " MB of text");
        }
        previous = b;
    }

    private void readName(int b) {
        if (nameDone) {
            return;
        }
        if (tagBytes == 1 && b == '/') {
            endTag = true;
        } else if (b == ':') {
            name.setLength(0); // a namespace prefix
        } else if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '/' || name.length() > 8) {
            nameDone = true;
        } else {
            name.append((char) b);
        }
    }

    private void closeTag() {
        inTag = false;
        boolean selfClosing = previous == '/';
        String item = sharedStrings ? "si" : "c"; // "c" only appears in worksheets // "c" only appears in worksheets
        if (name.toString().equals(item) && !selfClosing) {
            if (endTag) {
                itemDepth = Math.max(0, itemDepth - 1);
            } else {
                itemDepth++;
            }
            itemChars = 0;
        }
    }

    private UnreadableFileException refused(String why) {
        return new UnreadableFileException("the workbook was rejected: its part " + part + " " + why);
    }
}
