package dev.leadport.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiTest {

    @Test
    void emailKeepsTheFirstLetterAndTheDomainOnly() {
        assertThat(Pii.email("jane.doe@acme.com")).isEqualTo("j***@acme.com");
        assertThat(Pii.email("  x@y.io ")).isEqualTo("x***@y.io");
        assertThat(Pii.email("not-an-email")).doesNotContain("not-an-email").startsWith("n***");
        assertThat(Pii.email(null)).isEqualTo("null");
    }

    @Test
    void phoneKeepsOnlyItsLastTwoDigits() {
        assertThat(Pii.phone("+1 (415) 555-0123")).isEqualTo("***23");
        assertThat(Pii.phone("12")).isEqualTo("***");
    }

    @Test
    void otherValuesKeepTheirFirstLetterAndLength() {
        assertThat(Pii.text("Zoë Müller")).isEqualTo("Z*** (10 chars)");
        assertThat(Pii.text("")).isEmpty();
    }
}
