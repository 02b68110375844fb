package dev.leadport.shared.db;

import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A node that starts again under its scheduler name takes back at once the jobs its previous run was killed in the
 * middle of: they are due again, from their checkpoints, without waiting for the engine to declare them dead
 * (heartbeat interval x missed heartbeats). An execution is taken back only when its last heartbeat is older than
 * two intervals, so a live node that shares the name by mistake keeps its jobs.
 */
@Component
class ResumeOwnJobsAtStart {

    private static final Logger log = LoggerFactory.getLogger(ResumeOwnJobsAtStart.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String schedulerName;
    private final Duration heartbeat;

    ResumeOwnJobsAtStart(
            JdbcClient jdbc,
            Clock clock,
            @Value("${db-scheduler.scheduler-name:}") String schedulerName,
            @Value("${db-scheduler.heartbeat-interval:5s}") Duration heartbeat) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.schedulerName = schedulerName.isBlank() ? new SchedulerName.Hostname().getName() : schedulerName;
        this.heartbeat = heartbeat;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeOwnInterruptedJobs() {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int resumed = jdbc.sql("""
                        update scheduled_tasks
                        set picked = false, picked_by = null, last_heartbeat = null, execution_time = :now,
                            version = version + 1
                        where picked and picked_by = :name and last_heartbeat < :stale
                        """)
                .param("now", now)
                .param("name", schedulerName)
                .param("stale", now.minus(heartbeat.multipliedBy(2)))
                .update();
        if (resumed > 0) {
            log.info("Resuming {} job(s) this node ({}) was running when it stopped", resumed, schedulerName);
        }
    }
}
