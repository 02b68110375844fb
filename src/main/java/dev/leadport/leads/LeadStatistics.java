package dev.leadport.leads;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationType;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refreshes the planner's statistics of the lead table after an operation that changed many leads. Autovacuum
 * gets there too, but minutes later: until then the planner still believes the table's old size and picks slow
 * plans for the list, its counts and exports (measured: an exact count over 500,000 fresh leads took 450 ms on a
 * plan made for 1,300 rows, 170 ms once analysed).
 */
@Component
class LeadStatistics {

    private static final Logger log = LoggerFactory.getLogger(LeadStatistics.class);
    private static final Set<OperationType> CHANGING = Set.of(
            OperationType.IMPORT,
            OperationType.IMPORT_UNDO,
            OperationType.BULK_UPDATE,
            OperationType.BULK_ASSIGN,
            OperationType.BULK_DELETE);

    private final JdbcClient jdbc;
    private final LeadsProperties properties;

    LeadStatistics(JdbcClient jdbc, LeadsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @EventListener
    void on(OperationEvent event) {
        if (!event.status().isFinal() || !CHANGING.contains(event.type())) {
            return;
        }
        OperationEvent.Counts counts = event.counts();
        long changed = Math.max(counts.created() + counts.updated(), counts.processed() - counts.failed());
        if (changed < properties.analyzeAfterChanges()) {
            return;
        }
        try {
            jdbc.sql("analyze lead").update();
        } catch (DataAccessException e) {
            // Only the statistics are late; autovacuum refreshes them in time.
            log.warn("Could not refresh the lead table's statistics: {}", e.getMessage());
        }
    }
}
