package dev.leadport.leads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"(415) 734-2291", "415-734-2291", "+1 415 734 2291", "415.734.2291", "4157342291"})
    void usNumberInAnyCommonFormatIsNormalisedToE164(String text) {
        PhoneNumber phone = PhoneNumber.parse(text, "US").toOptional().orElseThrow();

        assertThat(phone.e164()).isEqualTo("+14157342291");
        assertThat(phone.raw()).isEqualTo(text);
    }

    @Test
    void numberWithCountryCodeIgnoresTheDefaultRegion() {
        assertThat(PhoneNumber.parse("+49 30 2345678", "US")
                        .toOptional()
                        .orElseThrow()
                        .e164())
                .isEqualTo("+49302345678");
    }

    @Test
    void nationalNumberIsReadInTheDefaultRegion() {
        assertThat(PhoneNumber.parse("030 2345678", "DE")
                        .toOptional()
                        .orElseThrow()
                        .e164())
                .isEqualTo("+49302345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "n/a", "(415) 555", "+1 000"})
    void invalidNumberIsRejectedNamingTheRegion(String text) {
        assertThat(PhoneNumber.parse(text, "US").problem()).contains("not a valid phone number for region US");
    }

    @ParameterizedTest
    @ValueSource(strings = {"001-539-402-2596", "011 1 539 402 2596", "00 1 539 402 2596", "(011) 1-539-402-2596"})
    void numberDialledFromAbroadIsReadAsTheInternationalNumber(String text) {
        assertThat(PhoneNumber.parse(text, "US").toOptional().orElseThrow().e164())
                .isEqualTo("+15394022596");
    }

    @Test
    void germanNumberWrittenWithZeroZeroIsReadFromAnyRegion() {
        assertThat(PhoneNumber.parse("0049 30 2345678", "US")
                        .toOptional()
                        .orElseThrow()
                        .e164())
                .isEqualTo("+49302345678");
        assertThat(PhoneNumber.parse("0049 30 2345678", "DE")
                        .toOptional()
                        .orElseThrow()
                        .e164())
                .isEqualTo("+49302345678");
    }
}
