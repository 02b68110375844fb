package dev.leadport.exports;

import dev.leadport.leads.SqlWhere;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export query: one server-side cursor over the filtered leads, in id order, handing over a few thousand rows
 * per round trip. It runs in a read-only transaction because PostgreSQL only keeps a cursor open with autocommit
 * off; when the row handler throws (the client went away), the statement is closed and the transaction rolled
 * back, which ends the query on the server.
 */
@Repository
class ExportRepository {

    private final NamedParameterJdbcTemplate cursor;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ExportRepository(DataSource dataSource, PlatformTransactionManager transactions, ExportProperties properties) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(properties.fetchSize());
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The SELECT behind an export; the benchmark runs the same text through COPY. */
    static String select(List<ExportColumn> columns, SqlWhere where) {
        return "select " + columns.stream().map(ExportColumn::sql).collect(Collectors.joining(", "))
                + " from lead l where " + where.sql() + " order by l.id";
    }

    /** Hands every row to the handler as text cells (null for no value); the array is reused between rows. */
    void stream(List<ExportColumn> columns, SqlWhere where, RowHandler handler) {
        String sql = select(columns, where);
        String[] cells = new String[columns.size()];
        readOnly.executeWithoutResult(status -> cursor.query(sql, where.params(), (ResultSet rs) -> {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rs.getString(i + 1);
            }
            handler.row(cells);
        }));
    }

    List<String[]> first(List<ExportColumn> columns, SqlWhere where, int limit) {
        List<String[]> rows = new ArrayList<>();
        jdbc.query(select(columns, where) + " limit " + limit, where.params(), (ResultSet rs) -> {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rs.getString(i + 1);
            }
            rows.add(cells);
        });
        return rows;
    }

    long count(SqlWhere where) {
        Long n = jdbc.queryForObject("select count(*) from lead l where " + where.sql(), where.params(), Long.class);
        return n == null ? 0 : n;
    }

    /** Receives one row of text cells; throwing stops the query. */
    @FunctionalInterface
    interface RowHandler {
        void row(String[] cells);
    }
}
