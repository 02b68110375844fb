package dev.leadport.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A phone number as the user typed it ({@code raw}, trimmed) and its E.164 form ({@code +14155550123}), which is what
 * leads are compared and dialled by.
 */
public record PhoneNumber(String raw, String e164) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * International dialling prefixes written in place of "+": 00 (most of the world), 011 (North America), and the
     * "001-" that US files carry for North American numbers dialled as if from abroad.
     */
    private static final Pattern INTERNATIONAL_PREFIX = Pattern.compile("^(?:\\(?(?:00|011)\\)?)[\\s.-]*(?=[1-9])");

    public PhoneNumber {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(e164, "e164");
        if (!e164.matches("\\+[1-9]\\d{1,14}")) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /**
     * Reads a phone number from user text; numbers without a country code are read as numbers of {@code
     * defaultRegion} (an ISO 3166 code such as "US" or "DE"). A number dialled from abroad ("0049 30 1234567",
     * "011 44 20 7946 0000", "001-539-402-2596") is read as the international number it names.
     */
    public static Parsed<PhoneNumber> parse(String text, String defaultRegion) {
        String raw = text == null ? "" : text.strip();
        if (raw.isEmpty()) {
            return Parsed.invalid("phone is empty");
        }
        String e164 = e164(raw, defaultRegion);
        if (e164 == null) {
            var prefix = INTERNATIONAL_PREFIX.matcher(raw);
            if (prefix.find()) {
                e164 = e164("+" + raw.substring(prefix.end()), defaultRegion);
            }
        }
        return e164 == null ? notValidFor(defaultRegion) : Parsed.valid(new PhoneNumber(raw, e164));
    }

    private static String e164(String text, String region) {
        try {
            var number = PHONES.parse(text, region);
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberFormat.E164) : null;
        } catch (NumberParseException e) {
            // libphonenumber reports unparseable text only by this exception; it becomes the same answer as invalid.
            return null;
        }
    }

    private static Parsed<PhoneNumber> notValidFor(String region) {
        return Parsed.invalid("not a valid phone number for region " + region);
    }
}
