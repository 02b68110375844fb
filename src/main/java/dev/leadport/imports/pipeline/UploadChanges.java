package dev.leadport.imports.pipeline;

import dev.leadport.imports.reading.SourceRow;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The user's changes to an upload: edited cells, dropped rows and replace-all rules. Wherever the upload's rows are
 * read (dry run, import, error report) {@link #forUpload} applies them on the fly, paging through the edits and drops
 * in row order beside the file, so a million-row file with fifty thousand edits never sits in memory.
 */
@Component
public class UploadChanges {

    private static final int PAGE = 5000;

    private final JdbcClient jdbc;

    UploadChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** "Replace {@code from} with {@code to} in this column": a cell matches when it equals {@code from} trimmed, in any case. */
    public record Rule(long id, int column, String from, String to) {

        boolean matches(String cell) {
            return cell.strip().toLowerCase(Locale.ROOT).equals(from.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** The changes of an upload, to apply while its file is read from the start. */
    public RowChanges forUpload(UUID uploadId) {
        return new Streaming(uploadId, rules(uploadId));
    }

    /** The changes of the upload an import was started from; none for an import of a file sent with it. */
    public RowChanges forJob(long importId) {
        return uploadOfJob(importId).map(this::forUpload).orElse(RowChanges.NONE);
    }

    public Optional<UUID> uploadOfJob(long importId) {
        return jdbc.sql("select upload_id from import_job where id = :id and upload_id is not null")
                .param("id", importId)
                .query(UUID.class)
                .optional();
    }

    /** Marks an import as started from an upload, so the import and its error report apply the upload's changes. */
    public void linkJob(long importId, UUID uploadId) {
        jdbc.sql("update import_job set upload_id = :upload where id = :id")
                .param("upload", uploadId)
                .param("id", importId)
                .update();
    }

    public List<Rule> rules(UUID uploadId) {
        return jdbc.sql("""
                        select id, column_index, from_value, to_value from import_upload_rule
                        where upload_id = :upload order by id
                        """)
                .param("upload", uploadId)
                .query((rs, n) -> new Rule(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The edited cells of one row, by column index. */
    public Map<Integer, String> edits(UUID uploadId, long row) {
        Map<Integer, String> edits = new TreeMap<>();
        jdbc.sql("""
                        select column_index, value from import_upload_edit
                        where upload_id = :upload and row_number = :row
                        """)
                .param("upload", uploadId)
                .param("row", row)
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list()
                .forEach(e -> edits.put(e.getKey(), e.getValue()));
        return edits;
    }

    /** Stores the row's new cell values (column index to value); an edit of the same cell replaces the earlier one. */
    public void edit(UUID uploadId, long row, Map<Integer, String> cells) {
        cells.forEach((column, value) -> jdbc.sql("""
                        insert into import_upload_edit (upload_id, row_number, column_index, value)
                        values (:upload, :row, :column, :value)
                        on conflict (upload_id, row_number, column_index) do update set value = excluded.value
                        """)
                .param("upload", uploadId)
                .param("row", row)
                .param("column", column)
                .param("value", value)
                .update());
    }

    public void drop(UUID uploadId, long row) {
        jdbc.sql("""
                        insert into import_upload_drop (upload_id, row_number) values (:upload, :row)
                        on conflict do nothing
                        """).param("upload", uploadId).param("row", row).update();
    }

    public Rule addRule(UUID uploadId, int column, String from, String to) {
        long id = jdbc.sql("""
                        insert into import_upload_rule (upload_id, column_index, from_value, to_value)
                        values (:upload, :column, :from, :to) returning id
                        """)
                .param("upload", uploadId)
                .param("column", column)
                .param("from", from)
                .param("to", to)
                .query(Long.class)
                .single();
        return new Rule(id, column, from, to);
    }

    /** The row's fields with the rules applied in the order they were made, then the edited cells on top. */
    public static SourceRow applyTo(SourceRow row, List<Rule> rules, Map<Integer, String> edits) {
        if (rules.isEmpty() && edits.isEmpty()) {
            return row;
        }
        List<String> fields = new ArrayList<>(row.fields());
        for (Rule rule : rules) {
            if (rule.column() < fields.size() && rule.matches(fields.get(rule.column()))) {
                fields.set(rule.column(), rule.to());
            }
        }
        edits.forEach((column, value) -> {
            while (fields.size() <= column) {
                fields.add("");
            }
            fields.set(column, value);
        });
        return new SourceRow(row.rowNumber(), fields, row.problems());
    }

    private record Edit(long row, int column, String value) {}

    /** Pages through the edits and drops in row order while the file is read in row order. */
    private final class Streaming implements RowChanges {

        private final UUID uploadId;
        private final List<Rule> rules;
        private final PeekingPages<Edit> edits;
        private final PeekingPages<Long> drops;

        Streaming(UUID uploadId, List<Rule> rules) {
            this.uploadId = uploadId;
            this.rules = rules;
            this.edits = new PeekingPages<>(this::editsAfter, Edit::row);
            this.drops = new PeekingPages<>(this::dropsAfter, r -> r);
        }

        @Override
        public SourceRow apply(SourceRow row) {
            long number = row.rowNumber();
            drops.skipBelow(number);
            if (drops.hasAt(number)) {
                return null;
            }
            edits.skipBelow(number);
            Map<Integer, String> cells = new TreeMap<>();
            while (edits.hasAt(number)) {
                Edit edit = edits.next();
                cells.put(edit.column(), edit.value());
            }
            return applyTo(row, rules, cells);
        }

        private List<Edit> editsAfter(Edit last) {
            return jdbc.sql("""
                            select row_number, column_index, value from import_upload_edit
                            where upload_id = :upload and (row_number, column_index) > (:row, :column)
                            order by row_number, column_index limit :limit
                            """)
                    .param("upload", uploadId)
                    .param("row", last == null ? -1 : last.row())
                    .param("column", last == null ? -1 : last.column())
                    .param("limit", PAGE)
                    .query((rs, n) -> new Edit(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                    .list();
        }

        private List<Long> dropsAfter(Long last) {
            return jdbc.sql("""
                            select row_number from import_upload_drop
                            where upload_id = :upload and row_number > :row
                            order by row_number limit :limit
                            """)
                    .param("upload", uploadId)
                    .param("row", last == null ? -1 : last)
                    .param("limit", PAGE)
                    .query(Long.class)
                    .list();
        }
    }

    /** A keyset-paged sequence ordered by row number that can be looked at before it is taken. */
    private static final class PeekingPages<T> implements Iterator<T> {

        private final java.util.function.Function<T, List<T>> pageAfter;
        private final java.util.function.ToLongFunction<T> rowOf;
        private List<T> page = List.of();
        private int index;
        private T last;
        private boolean exhausted;

        PeekingPages(java.util.function.Function<T, List<T>> pageAfter, java.util.function.ToLongFunction<T> rowOf) {
            this.pageAfter = pageAfter;
            this.rowOf = rowOf;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            page = pageAfter.apply(last);
            index = 0;
            exhausted = page.size() < PAGE;
            return !page.isEmpty();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            last = page.get(index++);
            return last;
        }

        void skipBelow(long row) {
            while (hasNext() && rowOf.applyAsLong(page.get(index)) < row) {
                next();
            }
        }

        boolean hasAt(long row) {
            return hasNext() && rowOf.applyAsLong(page.get(index)) == row;
        }
    }
}
