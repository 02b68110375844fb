package dev.leadport.imports.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.leadport.imports.ImportsProperties;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Imports run as one-time tasks of the PostgreSQL-backed job engine, one task instance per import id. Any node may
 * pick one up; a node that dies leaves a dead execution that the engine revives on a live node. Failures of the
 * database itself are retried with backoff; the import resumes from its checkpoint each time.
 */
@Configuration(proxyBeanMethods = false)
public class ImportTasks {

    static final String TASK_NAME = "lead-import";

    @Bean
    OneTimeTask<Void> leadImportTask(@Lazy ImportRunner runner, ImportsProperties properties) {
        return Tasks.oneTime(TASK_NAME)
                .onFailure(FailureHandler.<Void>maxRetries(properties.jobRetries())
                        .withBackoff(properties.jobRetryBackoff())
                        .thenRemove(complete -> runner.giveUp(
                                Long.parseLong(
                                        complete.getExecution().taskInstance.getId()),
                                complete.getCause().map(Throwable::getMessage).orElse("unknown"))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> runner.run(Long.parseLong(instance.getId())));
    }

    @Bean
    RecurringTask<Void> importSuccessPurgeTask(SuccessReport successReport) {
        return Tasks.recurring("import-success-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> successReport.purgeExpired());
    }

    /** Queues an import; the job engine runs it as soon as a node has a free worker. */
    public static void schedule(SchedulerClient scheduler, OneTimeTask<Void> task, long importId, Clock clock) {
        scheduler.scheduleIfNotExists(task.instance(String.valueOf(importId)), clock.instant());
    }
}
