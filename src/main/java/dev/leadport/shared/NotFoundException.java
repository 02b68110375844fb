package dev.leadport.shared;

/** Something the caller named does not exist, or the caller may not know that it exists. Answered with 404. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
