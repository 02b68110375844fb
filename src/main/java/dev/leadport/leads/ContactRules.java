package dev.leadport.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import java.util.regex.Pattern;

/** Email and phone checks for leads entered through the API. */
final class ContactRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ContactRules() {}

    static boolean isEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }

    /** The number in E.164 form, or empty when it is not a valid number for the region. */
    static Optional<String> toE164(String phone, String defaultRegion) {
        try {
            var number = PHONES.parse(phone, defaultRegion);
            return PHONES.isValidNumber(number)
                    ? Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
