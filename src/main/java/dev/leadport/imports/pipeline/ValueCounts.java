package dev.leadport.imports.pipeline;

import dev.leadport.imports.mapping.ColumnTarget;
import dev.leadport.imports.reading.SourceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the distinct values of a file's fixed-value columns (status, owner, choice and yes/no fields) as the rows go
 * by, in the same pass that checks them. Memory is bounded: each column remembers at most {@link #TRACKED} distinct
 * values; rows holding further values are counted, not named.
 */
public final class ValueCounts {

    static final int TRACKED = 10_000;

    private final List<Counter> counters = new ArrayList<>();

    /** One counted column: where it is, its header and target. */
    public record Column(int index, String header, ColumnTarget target) {}

    /** A value and the rows that hold it. */
    public record Counted(String value, long rows) {}

    /** The most frequent values of a column, how many distinct values and rows are left out, and blank cells. */
    public record Top(Column column, List<Counted> values, long distinct, long moreValues, long moreRows) {}

    public ValueCounts(List<Column> columns) {
        columns.forEach(c -> counters.add(new Counter(c)));
    }

    public boolean isEmpty() {
        return counters.isEmpty();
    }

    public void add(SourceRow row) {
        for (Counter counter : counters) {
            String value = row.field(counter.column.index()).strip();
            if (!value.isEmpty()) {
                counter.add(value);
            }
        }
    }

    /** Each column's {@code limit} most frequent values, most frequent first (ties in order of appearance). */
    public List<Top> top(int limit) {
        List<Top> tops = new ArrayList<>();
        for (Counter counter : counters) {
            List<Map.Entry<String, long[]>> entries = new ArrayList<>(counter.counts.entrySet());
            entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                    .thenComparingLong(e -> e.getValue()[1]));
            List<Counted> values = entries.stream()
                    .limit(limit)
                    .map(e -> new Counted(e.getKey(), e.getValue()[0]))
                    .toList();
            long shownRows = values.stream().mapToLong(Counted::rows).sum();
            long trackedRows = entries.stream().mapToLong(e -> e.getValue()[0]).sum();
            long moreValues = entries.size() - values.size() + (counter.untrackedRows > 0 ? 1 : 0);
            tops.add(new Top(
                    counter.column,
                    values,
                    entries.size() + (counter.untrackedRows > 0 ? 1 : 0),
                    moreValues,
                    trackedRows - shownRows + counter.untrackedRows));
        }
        return tops;
    }

    private static final class Counter {
        private final Column column;
        /** Per value: its row count and the order it first appeared in. */
        private final Map<String, long[]> counts = new HashMap<>();

        private long untrackedRows;

        Counter(Column column) {
            this.column = column;
        }

        public void add(String value) {
            long[] count = counts.get(value);
            if (count != null) {
                count[0]++;
            } else if (counts.size() < TRACKED) {
                counts.put(value, new long[] {1, counts.size()});
            } else {
                untrackedRows++;
            }
        }
    }
}
