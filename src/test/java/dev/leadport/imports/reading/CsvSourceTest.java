package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.readAll;
import static dev.leadport.imports.reading.Sources.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadport.imports.RowProblem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void blankLinesAndAllEmptyRowsAreSkippedButStillCountInRowNumbers() throws Exception {
        Path file = csv("Name,Email\n\nAnn,ann@example.com\n,\n   \nBob,bob@example.com\n\n\n,,\n");

        List<SourceRow> rows = readAll(file);

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(3L, 6L);
        assertThat(rows).allSatisfy(row -> assertThat(row.problems()).isEmpty());
    }

    @Test
    void rowNumbersCountRecordsNotLinesSoAMultiLineFieldStaysOneRow() throws Exception {
        Path file = csv("Name,Notes\nAnn,\"line one\nline two\"\nBob,x\n");

        assertThat(readAll(file)).extracting(SourceRow::rowNumber).containsExactly(2L, 3L);
    }

    @Test
    void rowWithFewerFieldsThanTheHeaderCarriesAProblemAndReadingGoesOn() throws Exception {
        Path file = csv("Name,Email,Phone\nAnn,ann@example.com\nBob,bob@example.com,555\n");

        List<SourceRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("2 fields but the header has 3"));
        assertThat(rows.get(1).problems()).isEmpty();
    }

    @Test
    void rowWithExtraValuesCarriesAProblemNamingThem() throws Exception {
        Path file = csv("Name,Email\nAnn,ann@example.com,Acme,Berlin\n");

        RowProblem problem = readAll(file).get(0).problems().get(0);

        assertThat(problem.row()).isEqualTo(2);
        assertThat(problem.value()).isEqualTo("Acme,Berlin");
        assertThat(problem.reason()).contains("4 fields but the header has 2");
    }

    @Test
    void trailingEmptyFieldsFromSpreadsheetExportsAreNotAProblem() throws Exception {
        Path file = csv("Name,Email\nAnn,ann@example.com,,\n");

        assertThat(readAll(file).get(0).problems()).isEmpty();
    }

    @Test
    void unterminatedQuoteBecomesAProblemOnTheLastRowAndTheSourceEndsCleanly() throws Exception {
        Path file = csv("Name,Notes\nAnn,fine\nBob,\"never closed\nCid,lost\nDan,lost too\n");

        List<SourceRow> rows = readAll(file);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).fields()).containsExactly("Ann", "fine");
        RowProblem problem = rows.get(1).problems().get(0);
        assertThat(problem.row()).isEqualTo(3);
        assertThat(problem.reason()).startsWith("unterminated quote");
        assertThat(problem.value()).startsWith("Bob,\"never closed\nCid,lost");
    }

    @Test
    void fieldOverTheLengthLimitBecomesAProblemOnItsRow() throws Exception {
        Path file = csv("Name,Notes\nAnn," + "x".repeat(10_001) + "\nBob,short\n");

        List<SourceRow> rows = readAll(file);

        RowProblem problem = rows.get(0).problems().get(0);
        assertThat(problem.column()).isEqualTo("Notes");
        assertThat(problem.reason()).contains("longer than 10000 characters (10001)");
        assertThat(problem.value()).hasSizeLessThan(100);
        assertThat(rows.get(1).problems()).isEmpty();
    }

    @Test
    void fieldLengthLimitIsConfigurable() throws Exception {
        Path file = csv("Name\nAnnabelle\n");

        assertThat(readAll(file, ReadOptions.DEFAULTS.withMaxFieldLength(5))
                        .get(0)
                        .problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("longer than 5"));
    }

    @Test
    void binaryFileWithNulBytesIsRejectedNamingWhy() {
        byte[] bytes = {'I', 'D', ',', 'x', '\n', 0, 0, 1, 2, (byte) 0x90, 0, 'a', '\n'};
        Path file = write(dir, "dump.csv", bytes);

        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("NUL bytes");
    }

    @Test
    void binaryFileFullOfControlCharactersIsRejectedNamingWhy() {
        byte[] bytes = new byte[600];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 'a' : 0x03);
        }
        Path file = write(dir, "noise.csv", bytes);

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("control characters");
    }

    @Test
    void pdfRenamedToCsvIsRejectedAsAPdf() {
        Path file = write(dir, "leads.csv", "%PDF-1.7\n1 0 obj\n", StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("a PDF document");
    }

    @Test
    void emptyFileAndFileWithOnlyBlankLinesAreUnreadable() {
        assertThatThrownBy(() -> readAll(csv(""))).hasMessageContaining("empty");
        assertThatThrownBy(() -> readAll(csv("\n\n  \n"))).hasMessageContaining("no header row");
    }

    @Test
    void legacyXlsWorkbookIsRejectedWithAdvice() {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        Path file = write(dir, "old.xls", ole2);

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("save it as .xlsx or .csv");
    }

    @Test
    void crlfLineEndingsEndRecordsAndStayInsideQuotedFields() throws Exception {
        Path file = csv("a,b\r\n1,\"two\r\nlines\"\r\n3,4\r\n");

        List<SourceRow> rows = readAll(file);

        assertThat(rows).extracting(SourceRow::fields).containsExactly(List.of("1", "two\r\nlines"), List.of("3", "4"));
    }

    @Test
    void headersAreTrimmed() throws Exception {
        try (TabularSource source =
                TabularSource.open(csv(" Name , Email\nAnn,a@example.com\n"), ReadOptions.DEFAULTS)) {
            assertThat(source.headers()).containsExactly("Name", "Email");
        }
    }

    private Path csv(String text) {
        return write(dir, "leads.csv", text, StandardCharsets.UTF_8);
    }
}
