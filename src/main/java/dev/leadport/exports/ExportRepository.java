package dev.leadport.exports;

import com.zaxxer.hikari.HikariDataSource;
import dev.leadport.leads.SqlWhere;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The export queries. CSV goes through PostgreSQL's {@code COPY (SELECT ...) TO STDOUT}, which streams the rows as
 * CSV text with no per-row work in Java; XLSX and the preview read the same SELECT through a server-side cursor
 * (read-only transaction, a few thousand rows per round trip). Either way, a write to a client that went away
 * fails, and the COPY is cancelled or the cursor closed and the transaction rolled back, which ends the query.
 */
@Repository
class ExportRepository {

    private static final Logger log = LoggerFactory.getLogger(ExportRepository.class);

    private final DataSource dataSource;
    private final NamedParameterJdbcTemplate cursor;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ExportRepository(DataSource dataSource, PlatformTransactionManager transactions, ExportProperties properties) {
        this.dataSource = dataSource;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(properties.fetchSize());
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Streams the SELECT as CSV rows (no header, LF line ends) and returns how many rows it wrote. */
    long copyCsv(SqlWhere select, OutputStream out) throws IOException {
        String copy = "copy (" + ExportSql.inline(select) + ") to stdout with (format csv)";
        // COPY needs no transaction; on a failed write pgjdbc cancels it, which ends the query on the server.
        Connection connection = connection();
        boolean clean = false;
        try {
            long rows = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(copy, out);
            clean = true;
            return rows;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("The export query failed: " + e.getMessage(), e);
        } finally {
            release(connection, clean);
        }
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("No database connection for the export", e);
        }
    }

    /**
     * A COPY cut short leaves its connection with protocol messages still in flight; such a connection must not go
     * back into the pool, where the next query would read them.
     */
    private void release(Connection connection, boolean clean) {
        try {
            if (!clean && dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
            } else {
                if (!clean) {
                    connection.abort(Runnable::run);
                }
                connection.close();
            }
        } catch (SQLException e) {
            log.warn("Could not release the export's connection: {}", e.getMessage());
        }
    }

    /** Hands every row to the handler as text cells (null for no value); the array is reused between rows. */
    void stream(SqlWhere select, int columns, RowHandler handler) {
        String[] cells = new String[columns];
        readOnly.executeWithoutResult(status -> cursor.query(select.sql(), select.params(), (ResultSet rs) -> {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = rs.getString(i + 1);
            }
            handler.row(cells);
        }));
    }

    List<String[]> first(SqlWhere select, int columns, int limit) {
        List<String[]> rows = new ArrayList<>();
        jdbc.query(select.sql() + " limit " + limit, select.params(), (ResultSet rs) -> {
            String[] cells = new String[columns];
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

    /** The response stream failed: the client disconnected. */
    static final class ClientGone extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClientGone(IOException cause) {
            super(cause.getMessage(), cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }
}
