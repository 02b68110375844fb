package dev.leadport.shared.web;

import java.io.IOException;

/** A request body that grew past its endpoint's limit while it was read (a chunked body has no length up front). */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
