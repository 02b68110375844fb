package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.readAll;
import static dev.leadport.imports.reading.Sources.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderRowTest {

    private static final String WITH_TITLE = "Leads from Expo 2026 (booth B12)\n"
            + "Exported on 2026-11-02 by the events team; do not forward\n"
            + "\n"
            + "First Name,Last Name,E-Mail,Phone\n"
            + "Ann,Lee,ann@example.com,\n"
            + "Bob,Ray,bob@example.com,+1 415 734 2291\n";

    @TempDir
    Path dir;

    @Test
    void titleLinesAndNotesAboveTheHeaderAreSkippedAndRowsKeepTheirLineNumbers() throws Exception {
        Path file = write(dir, "a.csv", WITH_TITLE, StandardCharsets.UTF_8);

        try (CsvSource source = (CsvSource) TabularSource.open(file, ReadOptions.DEFAULTS)) {
            assertThat(source.headers()).containsExactly("First Name", "Last Name", "E-Mail", "Phone");
            assertThat(source.headerRow()).isEqualTo(4);
            List<SourceRow> rows = Sources.rowsOf(source);
            assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(5L, 6L);
            assertThat(rows.get(0).fields()).containsExactly("Ann", "Lee", "ann@example.com", "");
        }
    }

    @Test
    void aHeaderOnTheFirstRowStaysTheHeader() throws Exception {
        Path file = write(dir, "a.csv", "Name,Email\nAnn,ann@example.com\n", StandardCharsets.UTF_8);

        try (CsvSource source = (CsvSource) TabularSource.open(file, ReadOptions.DEFAULTS)) {
            assertThat(source.headerRow()).isEqualTo(1);
            assertThat(Sources.rowsOf(source)).hasSize(1);
        }
    }

    @Test
    void theUserCanNameTheHeaderRow() throws Exception {
        Path file = write(dir, "a.csv", "Report,Q3\nName,Email\nAnn,ann@example.com\n", StandardCharsets.UTF_8);

        List<SourceRow> rows = readAll(file, ReadOptions.DEFAULTS.withHeaderRow(2));

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(3L);
        assertThat(rows.get(0).fields()).containsExactly("Ann", "ann@example.com");
    }

    @Test
    void aNamedHeaderRowThatIsEmptyOrMissingIsAClearError() {
        Path file = write(dir, "a.csv", "Name,Email\n\nAnn,ann@example.com\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULTS.withHeaderRow(2)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("row 2");
        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULTS.withHeaderRow(9)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("row 9");
    }
}
