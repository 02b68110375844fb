package dev.leadport.imports.reading;

/**
 * The uploaded file cannot be read as a table at all (binary content, legacy .xls, zip bomb, no header row). The
 * message names why in words a user understands; the import fails as a whole.
 */
public class UnreadableFileException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableFileException(String reason) {
        super(reason);
    }

    /** Why the file cannot be read, for the user. */
    String reason() {
        return getMessage();
    }
}
