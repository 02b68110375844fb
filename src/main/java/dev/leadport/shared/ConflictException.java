package dev.leadport.shared;

/** The request clashes with the current state, such as a second lead with the same email. Answered with 409. */
public class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
