package dev.leadport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leadport.bench.SampleFileGenerator.Defect;
import dev.leadport.bench.SampleFileGenerator.Settings;
import dev.leadport.bench.SampleFileGenerator.Summary;
import dev.leadport.imports.mapping.ColumnMapper;
import dev.leadport.imports.mapping.ColumnMapping;
import dev.leadport.imports.reading.ReadOptions;
import dev.leadport.imports.reading.Sources;
import dev.leadport.imports.reading.TabularSource;
import dev.leadport.imports.validation.DateOrder;
import dev.leadport.imports.validation.ImportOptions;
import dev.leadport.imports.validation.RowResult;
import dev.leadport.imports.validation.RowValidator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFileGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameFileAndAnotherSeedAnotherOne() throws Exception {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        Path other = dir.resolve("c.csv");

        SampleFileGenerator.generate(first, Settings.withDefects(2_000, 0.1, 7));
        SampleFileGenerator.generate(second, Settings.withDefects(2_000, 0.1, 7));
        SampleFileGenerator.generate(other, Settings.withDefects(2_000, 0.1, 8));

        assertThat(Files.mismatch(first, second)).isEqualTo(-1);
        assertThat(Files.mismatch(first, other)).isNotEqualTo(-1);
    }

    @Test
    void cleanFileImportsWithoutAProblem() throws Exception {
        Path file = dir.resolve("clean.csv");
        SampleFileGenerator.generate(file, Settings.clean(3_000, 42));

        List<RowResult> results = validateAll(file);

        assertThat(results).hasSize(3_000);
        assertThat(results).allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void eachDefectKindAppearsInItsShareAndEveryDefectiveRowIsCaught() throws Exception {
        Path file = dir.resolve("defects.csv");
        Summary summary = SampleFileGenerator.generate(file, Settings.withDefects(20_000, 0.16, 42));

        for (Defect defect : Defect.values()) {
            assertThat(summary.defects().get(defect).doubleValue() / 20_000)
                    .as(defect.name())
                    .isCloseTo(0.02, within(0.005));
        }
        List<RowResult> results = validateAll(file);
        long defectiveRows =
                summary.defects().values().stream().mapToLong(Long::longValue).sum();
        long duplicates = summary.defects().get(Defect.DUPLICATE_EMAIL);
        assertThat(results.stream().filter(r -> !r.isValid()).count()).isEqualTo(defectiveRows - duplicates);
        assertThat(repeatedEmailKeys(results)).isEqualTo(duplicates);
    }

    @Test
    void xlsxFileIsWrittenAndReadsBackWithTheSameRows() throws Exception {
        Path file = dir.resolve("leads.xlsx");
        SampleFileGenerator.generate(file, Settings.clean(500, 3).inFormat(SampleFileGenerator.Format.XLSX));

        assertThat(validateAll(file))
                .hasSize(500)
                .allSatisfy(r -> assertThat(r.problems()).isEmpty());
    }

    private static List<RowResult> validateAll(Path file) throws Exception {
        try (TabularSource source = TabularSource.open(file, ReadOptions.DEFAULTS)) {
            ColumnMapping mapping = new ColumnMapper(SampleFileGenerator.customFields()).suggest(source.headers());
            assertThat(mapping.columns()).noneMatch(c -> c.target().isIgnored());
            RowValidator validator = new RowValidator(
                    mapping, SampleFileGenerator.customFields(), ImportOptions.DEFAULTS.withDateOrder(DateOrder.MDY));
            return Sources.rowsOf(source).stream().map(validator::validate).toList();
        }
    }

    private static long repeatedEmailKeys(List<RowResult> results) {
        Set<String> seen = new HashSet<>();
        return results.stream()
                .map(r -> r.lead().emailKey())
                .filter(key -> key != null && !seen.add(key))
                .count();
    }
}
