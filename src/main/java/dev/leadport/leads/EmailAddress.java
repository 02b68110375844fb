package dev.leadport.leads;

import java.util.Locale;
import java.util.Objects;

/**
 * An email address as the user typed it, trimmed. Two addresses are the same lead contact when their {@link #key()}
 * matches. The syntax check is pragmatic (what CRMs accept), not full RFC 5322.
 */
public record EmailAddress(String value) {

    /** The longest address SMTP can deliver to (RFC 5321 path limit minus the brackets). */
    public static final int MAX_LENGTH = 254;

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        String problem = problemWith(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + value);
        }
    }

    /** Reads an address from user text, trimming it first. */
    public static Parsed<EmailAddress> parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String problem = problemWith(trimmed);
        return problem == null ? Parsed.valid(new EmailAddress(trimmed)) : Parsed.invalid(problem);
    }

    /** The lower-case form used to compare addresses and find duplicates. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problemWith(String address) {
        if (address.isEmpty()) {
            return "email is empty";
        }
        if (address.length() > MAX_LENGTH) {
            return "email is longer than " + MAX_LENGTH + " characters";
        }
        if (address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "email contains a space";
        }
        int at = address.indexOf('@');
        if (at < 0 || address.indexOf('@', at + 1) >= 0) {
            return "email must contain exactly one @";
        }
        if (at == 0) {
            return "email has nothing before the @";
        }
        return problemWithDomain(address.substring(at + 1));
    }

    private static String problemWithDomain(String domain) {
        if (domain.indexOf('.') < 0 || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "email domain must look like example.com";
        }
        boolean allowed = domain.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.');
        return allowed ? null : "email domain contains characters that are not allowed";
    }
}
