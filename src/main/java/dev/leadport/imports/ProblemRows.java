package dev.leadport.imports;

import dev.leadport.imports.pipeline.CheckedRow;
import dev.leadport.imports.pipeline.ProblemIndexWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows with problems of an upload's last check (import_upload_problem_row), with the values they were checked
 * with: the review grid pages and filters them with SQL, and an edited row is checked again from them alone.
 */
@Repository
class ProblemRows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ProblemIndexWriter writer;
    private final DataSource dataSource;

    ProblemRows(JdbcClient jdbc, JsonMapper json, ProblemIndexWriter writer, DataSource dataSource) {
        this.jdbc = jdbc;
        this.json = json;
        this.writer = writer;
        this.dataSource = dataSource;
    }

    /** One problem of a row: the column's header (null: the whole row), the value, the reason and ERROR or WARNING. */
    record Problem(String column, String value, String reason, String severity) {

        static Problem of(RowProblem p) {
            Map<String, String> stored = ProblemIndexWriter.asStored(p);
            return new Problem(stored.get("column"), stored.get("value"), stored.get("reason"), stored.get("severity"));
        }
    }

    /** A row of the grid: its number, its values as checked (edits applied), its state and problems. */
    record Row(long row, List<String> fields, String state, List<Problem> problems, boolean dropped) {}

    /** A page of rows, the number of rows that match the filters, and the counts per column and per reason. */
    record Page(List<Row> rows, long total, Map<String, Long> columns, Map<String, Long> reasons) {}

    void clear(UUID uploadId) {
        jdbc.sql("delete from import_upload_problem where upload_id = :upload")
                .param("upload", uploadId)
                .update();
        jdbc.sql("delete from import_upload_problem_row where upload_id = :upload")
                .param("upload", uploadId)
                .update();
    }

    /** Adds the chunk's rows that have errors or warnings, with COPY, on the caller's transaction. */
    void write(UUID uploadId, List<CheckedRow> chunk) {
        try {
            writer.write(DataSourceUtils.getConnection(dataSource), uploadId, chunk);
        } catch (SQLException e) {
            throw new SQLStateSQLExceptionTranslator().translate("COPY into the problem index", null, e);
        }
    }

    Optional<Row> find(UUID uploadId, long row) {
        return jdbc.sql("select * from import_upload_problem_row where upload_id = :upload and row_number = :row")
                .param("upload", uploadId)
                .param("row", row)
                .query((rs, n) -> row(rs))
                .optional();
    }

    void update(UUID uploadId, CheckedRow row) {
        jdbc.sql("""
                        update import_upload_problem_row set fields = cast(:fields as jsonb), state = :state,
                               problems = cast(:problems as jsonb)
                        where upload_id = :upload and row_number = :row
                        """)
                .param("fields", json.writeValueAsString(row.result().fields()))
                .param("state", ProblemIndexWriter.state(row))
                .param(
                        "problems",
                        json.writeValueAsString(row.result().problems().stream()
                                .map(Problem::of)
                                .toList()))
                .param("upload", uploadId)
                .param("row", row.result().row())
                .update();
        forgetProblems(uploadId, row.result().row());
        for (RowProblem p : row.result().problems()) {
            jdbc.sql("""
                            insert into import_upload_problem (upload_id, row_number, column_name, reason)
                            values (:upload, :row, :column, :reason)
                            """)
                    .param("upload", uploadId)
                    .param("row", row.result().row())
                    .param("column", p.column() == null ? "" : p.column())
                    .param("reason", p.reason())
                    .update();
        }
    }

    /** A fixed, changed or dropped row leaves the filters and counts until it has problems again. */
    private void forgetProblems(UUID uploadId, long row) {
        jdbc.sql("delete from import_upload_problem where upload_id = :upload and row_number = :row")
                .param("upload", uploadId)
                .param("row", row)
                .update();
    }

    void markDropped(UUID uploadId, long row) {
        jdbc.sql("update import_upload_problem_row set dropped = true where upload_id = :upload and row_number = :row")
                .param("upload", uploadId)
                .param("row", row)
                .update();
        forgetProblems(uploadId, row);
    }

    /** The kept rows whose cell in the column equals {@code value} trimmed, in any case: a new rule applies to them. */
    List<Row> withValue(UUID uploadId, int column, String value) {
        return jdbc.sql("""
                        select * from import_upload_problem_row
                        where upload_id = :upload and not dropped
                          and lower(trim(coalesce(fields ->> (:column)::int, ''))) = lower(trim(:value))
                        order by row_number
                        """)
                .param("upload", uploadId)
                .param("column", column)
                .param("value", value)
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * A page of the rows, in row order, with a problem in {@code column} (a header) and for {@code reason} when given;
     * rows fixed or dropped since the check stay listed (without a filter) so the user sees what became of them.
     */
    Page page(UUID uploadId, String column, String reason, int page, int size, boolean withCounts) {
        List<Row> rows;
        long total;
        if (column == null && reason == null) {
            rows = jdbc.sql("""
                            select * from import_upload_problem_row where upload_id = :upload
                            order by row_number limit :limit offset :offset
                            """)
                    .param("upload", uploadId)
                    .param("limit", size)
                    .param("offset", (long) page * size)
                    .query((rs, n) -> row(rs))
                    .list();
            total = jdbc.sql("select count(*) from import_upload_problem_row where upload_id = :upload")
                    .param("upload", uploadId)
                    .query(Long.class)
                    .single();
        } else {
            // The page's row numbers are read off the narrow table's index in row order, then those rows fetched.
            String matching = """
                    select distinct row_number from import_upload_problem
                    where upload_id = :upload
                      and (cast(:column as text) is null or column_name = :column)
                      and (cast(:reason as text) is null or reason = :reason)
                    """;
            List<Long> numbers = jdbc.sql(matching + " order by row_number limit :limit offset :offset")
                    .param("upload", uploadId)
                    .param("column", column)
                    .param("reason", reason)
                    .param("limit", size)
                    .param("offset", (long) page * size)
                    .query(Long.class)
                    .list();
            rows = numbers.isEmpty()
                    ? List.of()
                    : jdbc.sql("""
                                    select * from import_upload_problem_row
                                    where upload_id = :upload and row_number = any(:rows) order by row_number
                                    """)
                            .param("upload", uploadId)
                            .param("rows", numbers.toArray(Long[]::new))
                            .query((rs, n) -> row(rs))
                            .list();
            total = jdbc.sql("select count(*) from (" + matching + ") m")
                    .param("upload", uploadId)
                    .param("column", column)
                    .param("reason", reason)
                    .query(Long.class)
                    .single();
        }
        return new Page(
                rows,
                total,
                withCounts ? counts(uploadId, "column_name") : null,
                withCounts ? counts(uploadId, "reason") : null);
    }

    /** Problems per column header or per reason, the most frequent first (at most 100). */
    private Map<String, Long> counts(UUID uploadId, String key) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        // key is one of two column names written here, never user input.
        // count(*): a row rarely has two problems of one column or reason, and a hash count avoids a sort per group.
        jdbc.sql("select " + key + ", count(*) from import_upload_problem"
                        + " where upload_id = :upload group by 1 order by 2 desc, 1 limit 100")
                .param("upload", uploadId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getLong("row_number"),
                json.readValue(rs.getString("fields"), STRINGS),
                rs.getString("state"),
                json.readValue(rs.getString("problems"), PROBLEMS),
                rs.getBoolean("dropped"));
    }
}
