package dev.leadport.imports.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.reading.SourceRow;
import dev.leadport.leads.LeadField;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueCountsTest {

    private static final ValueCounts.Column STATUS =
            new ValueCounts.Column(1, "Lead Status", ColumnTarget.field(LeadField.STATUS));

    @Test
    void valuesAreCountedMostFrequentFirstAndBlankCellsAreNotValues() {
        ValueCounts counts = new ValueCounts(List.of(STATUS));
        for (String status : List.of("Rent", " Hot ", "Rent", "", "Own", "Rent", "Hot")) {
            counts.add(new SourceRow(2, List.of("a@example.com", status), List.of()));
        }

        ValueCounts.Top top = counts.top(2).get(0);

        assertThat(top.values()).containsExactly(new ValueCounts.Counted("Rent", 3), new ValueCounts.Counted("Hot", 2));
        assertThat(top.distinct()).isEqualTo(3);
        assertThat(top.moreValues()).isEqualTo(1);
        assertThat(top.moreRows()).isEqualTo(1);
    }

    @Test
    void aColumnOfMoreDistinctValuesThanItRemembersCountsTheRestAsMoreRows() {
        ValueCounts counts = new ValueCounts(List.of(STATUS));
        int rows = ValueCounts.TRACKED + 500;
        for (int i = 0; i < rows; i++) {
            counts.add(new SourceRow(i + 2, List.of("a@example.com", "value " + i), List.of()));
        }

        ValueCounts.Top top = counts.top(300).get(0);

        assertThat(top.values()).hasSize(300);
        assertThat(top.values().stream().mapToLong(ValueCounts.Counted::rows).sum() + top.moreRows())
                .isEqualTo(rows);
    }
}
