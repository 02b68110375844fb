package dev.leadport.leads;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of reading a value from text a user typed: either the value or the reason it is not one. Bad input is
 * an everyday outcome here, so it is a value rather than an exception.
 */
public sealed interface Parsed<T> {

    /** A successfully read value. */
    record Valid<T>(T value) implements Parsed<T> {
        public Valid {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Text that is not a valid value, with a reason a user can act on. */
    record Invalid<T>(String reason) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static <T> Parsed<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Parsed<T> invalid(String reason) {
        return new Invalid<>(reason);
    }

    /** Whether the text was a valid value. */
    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    /** The value, or empty when the text was invalid. */
    default Optional<T> toOptional() {
        return this instanceof Valid<T> valid ? Optional.of(valid.value()) : Optional.empty();
    }

    /** Why the text was invalid, or empty when it was valid. */
    default Optional<String> problem() {
        return this instanceof Invalid<T> invalid ? Optional.of(invalid.reason()) : Optional.empty();
    }
}
