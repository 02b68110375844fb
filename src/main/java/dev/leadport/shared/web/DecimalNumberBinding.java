package dev.leadport.shared.web;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Whole numbers in paths and query parameters are plain decimal: Spring's fallback number parsing also reads
 * {@code 0x3d} or {@code #3d} as 61, so {@code /api/leads/0x3d} opened lead 61. Anything else is a 400 naming the
 * parameter.
 */
@ControllerAdvice
class DecimalNumberBinding {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

    @InitBinder
    void decimalOnly(WebDataBinder binder) {
        binder.registerCustomEditor(long.class, new Decimal<>(Long::valueOf, false));
        binder.registerCustomEditor(Long.class, new Decimal<>(Long::valueOf, true));
        binder.registerCustomEditor(int.class, new Decimal<>(Integer::valueOf, false));
        binder.registerCustomEditor(Integer.class, new Decimal<>(Integer::valueOf, true));
    }

    private static final class Decimal<T extends Number> extends PropertyEditorSupport {

        private final Function<String, T> parse;
        private final boolean emptyIsNull;

        Decimal(Function<String, T> parse, boolean emptyIsNull) {
            this.parse = parse;
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty() && emptyIsNull) {
                setValue(null);
                return;
            }
            if (!DECIMAL.matcher(t).matches()) {
                throw new IllegalArgumentException("not a decimal number");
            }
            setValue(parse.apply(t)); // NumberFormatException (an IllegalArgumentException) when out of range
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value.toString();
        }
    }
}
