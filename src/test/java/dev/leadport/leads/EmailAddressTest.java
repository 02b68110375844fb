package dev.leadport.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailAddressTest {

    @Test
    void addressIsTrimmedKeptAsTypedAndComparedByItsLowerCaseKey() {
        EmailAddress email =
                EmailAddress.parse("  Ann.Smith@Example.COM ").toOptional().orElseThrow();

        assertThat(email.value()).isEqualTo("Ann.Smith@Example.COM");
        assertThat(email.key()).isEqualTo("ann.smith@example.com");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|email is empty",
                "ann smith@example.com|email contains a space",
                "ann.example.com|email must contain exactly one @",
                "a@@example.com|email must contain exactly one @",
                "@example.com|email has nothing before the @",
                "ann@example|email domain must look like example.com",
                "ann@example..com|email domain must look like example.com",
                "ann@example.com,|email domain contains characters that are not allowed"
            })
    void invalidAddressIsRejectedWithAReason(String text, String reason) {
        assertThat(EmailAddress.parse(text).problem()).contains(reason);
    }

    @Test
    void addressLongerThan254CharactersIsRejected() {
        String longAddress = "a".repeat(250) + "@x.io";

        assertThat(EmailAddress.parse(longAddress).problem()).contains("email is longer than 254 characters");
    }

    @Test
    void internationalDomainIsAccepted() {
        assertThat(EmailAddress.parse("jürgen@müller.de").isValid()).isTrue();
    }

    @Test
    void constructorEnforcesTheSameRule() {
        assertThatThrownBy(() -> new EmailAddress("not an email")).isInstanceOf(IllegalArgumentException.class);
    }
}
