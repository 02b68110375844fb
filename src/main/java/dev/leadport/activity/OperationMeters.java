package dev.leadport.activity;

import dev.leadport.shared.events.OperationEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of finished operations on this node (Actuator's /actuator/metrics): a counter per type and
 * status, a timer of durations and a distribution of rows per second. The metrics endpoint of the activity API
 * gives the same figures across all nodes from the log.
 */
@Component
class OperationMeters {

    static final String OPERATIONS = "leadport.operations";
    static final String DURATION = "leadport.operations.duration";
    static final String THROUGHPUT = "leadport.operations.throughput";

    private final MeterRegistry registry;

    OperationMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(OperationEvent event) {
        String type = event.type().name();
        String status = event.status().name();
        Counter.builder(OPERATIONS)
                .description("Finished imports, exports and bulk operations")
                .tag("type", type)
                .tag("status", status)
                .register(registry)
                .increment();
        if (event.durationMillis() != null) {
            Timer.builder(DURATION)
                    .description("How long operations ran")
                    .tag("type", type)
                    .publishPercentiles(0.5, 0.95)
                    .register(registry)
                    .record(Duration.ofMillis(event.durationMillis()));
        }
        if (event.rowsPerSecond() != null && event.counts().processed() > 0) {
            DistributionSummary.builder(THROUGHPUT)
                    .description("Rows (or leads) per second over a whole operation")
                    .baseUnit("rows/s")
                    .tag("type", type)
                    .publishPercentiles(0.5, 0.95)
                    .register(registry)
                    .record(event.rowsPerSecond());
        }
    }
}
