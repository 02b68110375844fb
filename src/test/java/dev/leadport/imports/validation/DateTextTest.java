package dev.leadport.imports.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTextTest {

    @ParameterizedTest
    @CsvSource({
        "2025-03-07, MDY",
        "2025-03-07T14:30:00, MDY",
        "2025-03-07T14:30:00.123Z, MDY",
        "2025-03-07T23:30:00+02:00, MDY",
        "2025-03-07 14:30, MDY",
        "3/7/2025, MDY",
        "7/3/2025, DMY",
        "07.03.2025, MDY",
        "45723, MDY",
        "45723.5, AUTO",
        "03/07/2025 09:15, MDY"
    })
    void commonDateFormatsAreRead(String text, DateOrder order) {
        assertThat(DateText.parse(text, order).toOptional()).contains(LocalDate.of(2025, 3, 7));
    }

    @Test
    void autoOrderReadsDatesThatProveTheirOrderAndRefusesAmbiguousOnes() {
        assertThat(DateText.parse("25/12/2025", DateOrder.AUTO).toOptional()).contains(LocalDate.of(2025, 12, 25));
        assertThat(DateText.parse("12/25/2025", DateOrder.AUTO).toOptional()).contains(LocalDate.of(2025, 12, 25));
        assertThat(DateText.parse("03/04/2025", DateOrder.AUTO).problem())
                .hasValueSatisfying(r -> assertThat(r).startsWith("ambiguous date"));
    }

    @Test
    void impossibleAndUnreadableDatesAreProblems() {
        assertThat(DateText.parse("31/02/2025", DateOrder.DMY).problem()).contains("not a real date: 31/02/2025");
        assertThat(DateText.parse("2025-13-01", DateOrder.DMY).problem()).contains("not a real date: 2025-13-01");
        assertThat(DateText.parse("next tuesday", DateOrder.DMY).problem())
                .hasValueSatisfying(r -> assertThat(r).startsWith("not a date"));
    }

    @Test
    void dateOrderIsDetectedFromValuesThatProveIt() {
        assertThat(DateOrderDetector.detect(List.of("01/02/2025", "25/03/2025", "", "2025-01-01")))
                .isEqualTo(DateOrder.DMY);
        assertThat(DateOrderDetector.detect(List.of("01/02/2025", "03/25/2025")))
                .isEqualTo(DateOrder.MDY);
        assertThat(DateOrderDetector.detect(List.of("01/02/2025", "03/04/2025")))
                .isEqualTo(DateOrder.AUTO);
        assertThat(DateOrderDetector.detect(List.of("25/03/2025", "03/25/2025")))
                .as("contradicting")
                .isEqualTo(DateOrder.AUTO);
    }

    @Test
    void booleanWordsAreRead() {
        for (String yes : List.of("true", "YES", "y", "1", "x")) {
            assertThat(CustomValues.bool(yes).toOptional()).contains(true);
        }
        for (String no : List.of("false", "No", "n", "0")) {
            assertThat(CustomValues.bool(no).toOptional()).contains(false);
        }
        assertThat(CustomValues.bool("maybe").isValid()).isFalse();
    }
}
