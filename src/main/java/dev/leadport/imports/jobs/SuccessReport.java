package dev.leadport.imports.jobs;

import dev.leadport.shared.files.SafeCsvWriter;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of an import that landed, as a CSV beside the error report: row_number, lead_id, outcome (CREATED, UPDATED,
 * SKIPPED_DUPLICATE) and matched_lead_id (the existing lead an update or skip matched). Created and updated rows come
 * from the undo record import_lead_change, skipped ones from import_row_skip; both are written by the merge, so the
 * report costs the import nothing more than the skipped rows. It is streamed from a server-side cursor: a
 * 1,000,000-row import never sits in memory.
 */
@Component
public class SuccessReport {

    static final String[] HEADER = {"row_number", "lead_id", "outcome", "matched_lead_id"};

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    SuccessReport(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        // PostgreSQL hands rows over in batches only inside a transaction; outside one it sends the whole result.
        streaming.setFetchSize(2000);
        this.cursor = new NamedParameterJdbcTemplate(streaming);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public void write(long importId, OutputStream out) {
        SafeCsvWriter csv = SafeCsvWriter.to(out);
        csv.row(HEADER);
        readOnly.executeWithoutResult(status -> cursor.query("""
                select row_number, lead_id, action as outcome, case when action = 'UPDATED' then lead_id end as matched
                from import_lead_change where import_id = :id
                union all
                select row_number, lead_id, 'SKIPPED_DUPLICATE', lead_id from import_row_skip where import_id = :id
                order by row_number
                """, Map.of("id", importId), (RowCallbackHandler)
                (ResultSet rs) -> csv.row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))));
        csv.flush();
    }

    /** Forgets the skipped rows of imports whose upload passed its retention, as their error report goes with it. */
    int purgeExpired() {
        return jdbc.sql("""
                        delete from import_row_skip k using import_job j
                        where j.id = k.import_id and j.file_id is null
                        """).update();
    }
}
