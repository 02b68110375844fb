package dev.leadport.shared;

/**
 * Masks personal data before it goes into a log line: enough is kept to tell entries apart while investigating
 * ("j***@acme.com", "***0123"), never enough to read a customer's details out of the logs.
 */
public final class Pii {

    private Pii() {}

    /** An email address with all but the first letter of its local part hidden; the domain stays. */
    public static String email(String email) {
        if (email == null || email.isBlank()) {
            return String.valueOf(email);
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (at < 1) {
            return text(address);
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** A phone number reduced to its last two digits. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return String.valueOf(phone);
        }
        String digits = phone.replaceAll("\\D", "");
        return "***" + (digits.length() > 4 ? digits.substring(digits.length() - 2) : "");
    }

    /** Any other personal value (a name, a cell): its first letter and its length. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return String.valueOf(value);
        }
        return value.charAt(0) + "*** (" + value.length() + " chars)";
    }
}
