package dev.leadport.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Objects;

/**
 * A phone number as the user typed it ({@code raw}, trimmed) and its E.164 form ({@code +14155550123}), which is what
 * leads are compared and dialled by.
 */
public record PhoneNumber(String raw, String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Reads a phone number from user text; numbers without a country code are read as numbers of {@code
     * defaultRegion} (an ISO 3166 code such as "US" or "DE").
     */
    public static Parsed<PhoneNumber> parse(String text, String defaultRegion) {
        String raw = text == null ? "" : text.strip();
        if (raw.isEmpty()) {
            return Parsed.invalid("phone is empty");
        }
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number;
        try {
            number = PHONES.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            // libphonenumber reports unparseable text only by this exception; it becomes the same answer as invalid.
            return notValidFor(defaultRegion);
        }
        if (!PHONES.isValidNumber(number)) {
            return notValidFor(defaultRegion);
        }
        return Parsed.valid(new PhoneNumber(raw, PHONES.format(number, PhoneNumberFormat.E164)));
    }

    private static Parsed<PhoneNumber> notValidFor(String region) {
        return Parsed.invalid("not a valid phone number for region " + region);
    }
}
