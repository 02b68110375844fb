package dev.leadport.imports.reading;

import static dev.leadport.imports.reading.Sources.readAll;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSourceTest {

    @TempDir
    Path dir;

    @Test
    void firstSheetIsReadWithNumbersDatesAndBooleansAsText() throws Exception {
        Path file = workbook(sheet -> {
            header(sheet, "Name", "Phone", "Score", "Follow-up", "Met at", "Subscribed");
            sheet.value(1, 0, "Zoë Müller");
            sheet.value(1, 1, 14155550123L);
            sheet.value(1, 2, 12.50);
            sheet.value(1, 3, LocalDate.of(2024, 3, 7));
            sheet.style(1, 3).format("yyyy-mm-dd").set();
            sheet.value(1, 4, LocalDateTime.of(2024, 3, 7, 14, 30));
            sheet.style(1, 4).format("yyyy-mm-dd hh:mm").set();
            sheet.value(1, 5, true);
        });

        try (TabularSource source = TabularSource.open(file, ReadOptions.DEFAULTS)) {
            assertThat(source).isInstanceOf(XlsxSource.class);
            assertThat(source.headers()).containsExactly("Name", "Phone", "Score", "Follow-up", "Met at", "Subscribed");
            SourceRow row = Sources.rowsOf(source).get(0);
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.fields())
                    .containsExactly("Zoë Müller", "14155550123", "12.5", "2024-03-07", "2024-03-07T14:30", "true");
        }
    }

    @Test
    void emptyRowsAreSkippedAndRowNumbersAreTheSheetsOwn() throws Exception {
        Path file = workbook(sheet -> {
            header(sheet, "Name", "Email");
            sheet.value(1, 0, "Ann");
            sheet.value(4, 0, "Bob");
            sheet.value(4, 1, "bob@example.com");
        });

        List<SourceRow> rows = readAll(file);

        assertThat(rows).extracting(SourceRow::rowNumber).containsExactly(2L, 5L);
        assertThat(rows.get(0).problems())
                .as("trailing empty cells are normal in a sheet")
                .isEmpty();
    }

    @Test
    void valueInAColumnWithoutHeaderIsARowProblem() throws Exception {
        Path file = workbook(sheet -> {
            header(sheet, "Name");
            sheet.value(1, 0, "Ann");
            sheet.value(1, 2, "stray");
        });

        assertThat(readAll(file).get(0).problems())
                .singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("3 fields but the header has 1"));
    }

    @Test
    void workbookInflatingBeyondTheLimitIsRejectedAsAZipBomb() throws Exception {
        Path file = workbook(sheet -> {
            header(sheet, "Notes");
            for (int r = 1; r < 2_000; r++) {
                sheet.value(r, 0, "distinct text number " + r + " with some more words".repeat(10));
            }
        });

        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULTS.withZipLimits(200_000, 100)))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void zipWithTooManyEntriesIsRejectedAsAZipBomb() throws Exception {
        Path file = dir.resolve("many.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 50; i++) {
                zip.putNextEntry(new ZipEntry("part" + i + ".xml"));
                zip.write("<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }

        assertThatThrownBy(() -> readAll(file, ReadOptions.DEFAULTS.withZipLimits(1_000_000, 20)))
                .hasMessageContaining("50 parts");
    }

    @Test
    void highlyCompressedEntryIsRejectedBeforeItIsInflated() throws Exception {
        Path file = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }

        assertThatThrownBy(() -> readAll(file)).hasMessageContaining("inflates").hasMessageContaining("zip bomb");
    }

    interface SheetWriter {
        void write(Worksheet sheet) throws Exception;
    }

    private Path workbook(SheetWriter content) throws Exception {
        Path file = dir.resolve("leads.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Leadport", "1.0");
            Worksheet sheet = workbook.newWorksheet("Leads");
            content.write(sheet);
            workbook.finish();
        }
        return file;
    }

    private static void header(Worksheet sheet, String... names) {
        for (int i = 0; i < names.length; i++) {
            sheet.value(0, i, names[i]);
        }
    }
}
