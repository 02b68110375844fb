package dev.leadport.leads;

import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Remembers, for a few seconds, which filters match more leads than a page counts exactly, with the estimate given
 * for them. Someone paging through a large result, or many people looking at the same large list, then costs one
 * bounded count per filter and interval instead of one per page. Exact counts (small results) are never kept, so a
 * change shows in the next page's total at once; a large result's total is an estimate anyway and may be a few
 * seconds old. Local to the node; cleared when an import, undo or bulk operation on this node ends.
 */
@Component
class LargeCounts {

    /** How long an estimate is reused. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private static final int MAX_FILTERS = 1_000;
    private static final Set<OperationType> CHANGING = Set.of(
            OperationType.IMPORT,
            OperationType.IMPORT_UNDO,
            OperationType.BULK_UPDATE,
            OperationType.BULK_ASSIGN,
            OperationType.BULK_DELETE,
            OperationType.BULK_RESTORE);

    private record Estimate(long total, Instant until) {}

    private final Clock clock;
    private final Map<SqlWhere, Estimate> estimates = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<SqlWhere, Estimate> eldest) {
            return size() > MAX_FILTERS;
        }
    };

    LargeCounts(Clock clock) {
        this.clock = clock;
    }

    /** The estimate kept for the filter while it is fresh, or null. */
    synchronized Long recent(SqlWhere where) {
        Estimate estimate = estimates.get(where);
        if (estimate == null || clock.instant().isAfter(estimate.until())) {
            return null;
        }
        return estimate.total();
    }

    /** Keeps the estimate of a filter that matched more leads than the exact limit. */
    synchronized void remember(SqlWhere where, long total) {
        estimates.put(where, new Estimate(total, clock.instant().plus(FRESH_FOR)));
    }

    @EventListener
    void on(OperationEvent event) {
        if (event.status().isFinal() && CHANGING.contains(event.type())) {
            clear();
        }
    }

    synchronized void clear() {
        estimates.clear();
    }
}
