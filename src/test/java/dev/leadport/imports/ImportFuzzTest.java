package dev.leadport.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.mapping.CustomFieldSpec;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.imports.reading.TabularSource;
import dev.leadport.imports.reading.UnreadableFileException;
import dev.leadport.imports.reading.XlsxSource;
import dev.leadport.imports.validation.DateOrder;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.RowResult;
import dev.leadport.imports.validation.RowValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Hostile bytes and strings against the readers, the mapper and the validator. The promise: any input either reads
 * (rows with per-row problems) or is refused with an {@link UnreadableFileException} saying why; nothing else may
 * escape. A normal build replays the saved inputs under {@code src/test/resources/.../ImportFuzzTestInputs}; fuzzing
 * itself runs with {@code JAZZER_FUZZ=1} (command in docs/scaling.md), and each crash it finds is saved there.
 */
class ImportFuzzTest {

    private static final ReadOptions SMALL_LIMITS =
            ReadOptions.DEFAULTS.withMaxFieldLength(200).withZipLimits(4 * 1024 * 1024, 64);

    private static final List<CustomFieldSpec> CUSTOM = List.of(
            CustomFieldSpec.of("seats", "Seats", CustomFieldSpec.Type.NUMBER),
            CustomFieldSpec.of("renewal", "Renewal", CustomFieldSpec.Type.DATE),
            CustomFieldSpec.of("vip", "VIP", CustomFieldSpec.Type.BOOLEAN),
            new CustomFieldSpec("tier", "Tier", CustomFieldSpec.Type.CHOICE, List.of("Gold", "Silver"), false));

    /** Any bytes as an upload: detected as CSV or XLSX by content, then read to the end. */
    @FuzzTest(maxDuration = "20s")
    void anyUploadReadsToTheEndOrIsRefusedWithAReason(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-", ".upload");
        try {
            Files.write(file, bytes);
            readAll(file);
        } finally {
            Files.delete(file);
        }
    }

    /** Any bytes given to the XLSX reader directly (the saved inputs start from a real workbook). */
    @FuzzTest(maxDuration = "20s")
    void anyWorkbookReadsToTheEndOrIsRefusedWithAReason(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("fuzz-", ".xlsx");
        try {
            Files.write(file, bytes);
            try (XlsxSource source = XlsxSource.open(file, SMALL_LIMITS)) {
                checkRows(source);
            } catch (UnreadableFileException e) {
                assertThat(e.getMessage()).isNotBlank();
            }
        } finally {
            Files.delete(file);
        }
    }

    /** Any header row gets a mapping in which no two columns share a target. */
    @FuzzTest(maxDuration = "20s")
    void anyHeadersGetAMappingWithEachTargetAtMostOnce(FuzzedDataProvider data) {
        List<String> headers = strings(data, 40);
        ColumnMapping mapping = new ColumnMapper(CUSTOM).suggest(headers);
        assertThat(mapping.headers()).isEqualTo(headers);
        Set<ColumnTarget> seen = new HashSet<>();
        for (ColumnMapping.Column column : mapping.columns()) {
            assertThat(column.target().isIgnored() || seen.add(column.target())).isTrue();
            assertThat(column.confidence()).isBetween(0.0, 1.0);
        }
        ColumnMapping saved = ColumnMapping.fromSaved(headers, mapping.toSaved());
        assertThat(saved.headers()).isEqualTo(headers);
    }

    /** Any row under any headers is a lead or a list of problems, never an exception. */
    @FuzzTest(maxDuration = "20s")
    void anyRowIsALeadOrProblems(FuzzedDataProvider data) {
        List<String> headers = strings(data, 12);
        headers.addAll(List.of("Email", "Phone", "Status", "Seats", "Renewal", "VIP", "Tier"));
        DateOrder order = data.pickValue(DateOrder.values());
        RowValidator validator = new RowValidator(
                new ColumnMapper(CUSTOM).suggest(headers), CUSTOM, ImportOptions.DEFAULTS.withDateOrder(order));
        for (int row = 2; data.remainingBytes() > 0 && row < 20; row++) {
            RowResult result = validator.validate(new SourceRow(row, strings(data, headers.size() + 2), List.of()));
            assertThat(result.row()).isEqualTo(row);
            if (result.isValid()) {
                assertThat(result.lead()).isNotNull();
                assertThat(result.lead().email() != null || result.lead().phoneRaw() != null)
                        .isTrue();
            }
            result.problems().forEach(p -> assertThat(p.reason()).isNotBlank());
        }
    }

    private static void readAll(Path file) throws IOException {
        try (TabularSource source = TabularSource.open(file, SMALL_LIMITS)) {
            checkRows(source);
        } catch (UnreadableFileException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    private static void checkRows(TabularSource source) {
        assertThat(source.headers()).doesNotContainNull();
        long previous = 1;
        for (SourceRow row : source) {
            assertThat(row.rowNumber()).isGreaterThan(previous);
            previous = row.rowNumber();
            assertThat(row.fields()).doesNotContainNull();
            if (row.fields().stream().anyMatch(f -> f.length() > SMALL_LIMITS.maxFieldLength())) {
                assertThat(row.problems()).as("an over-long field is reported").isNotEmpty();
            }
        }
    }

    private static List<String> strings(FuzzedDataProvider data, int max) {
        int n = data.consumeInt(0, max);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(data.consumeString(60));
        }
        return values;
    }
}
