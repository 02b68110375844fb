package dev.leadport.imports.reading;

import dev.leadport.shared.InvalidInputException;
import java.io.IOException;

/** How an upload that cannot be read reaches the user: a 400 on the field "file" that says why. */
public final class UploadReadProblem {

    private UploadReadProblem() {}

    /** For {@code catch (IOException | UnreadableFileException e)} around a read of the upload. */
    public static InvalidInputException of(Exception e) {
        if (e instanceof UnreadableFileException unreadable) {
            return new InvalidInputException("file", "The file cannot be read: " + unreadable.getMessage());
        }
        if (e instanceof IOException) {
            return new InvalidInputException("file", "The file could not be read: " + e.getMessage());
        }
        throw new IllegalArgumentException("not a file read failure", e);
    }
}
