package dev.leadport.schedules;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The job engine's task: one execution per active schedule, whose data is the occurrence it fires for. The engine
 * lets only one node pick an execution, so each occurrence runs once however many nodes there are; after a run the
 * execution moves to the next fire time. Failed attempts are retried with exponential backoff.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledExportTasks {

    static final String TASK = "scheduled-export";

    @Bean
    CustomTask<Instant> scheduledExportTask(ScheduledExportRunner runner, SchedulesProperties properties) {
        return Tasks.custom(TASK, Instant.class)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2.0))
                .execute((instance, context) -> {
                    Instant occurrence =
                            instance.getData() != null ? instance.getData() : context.getExecution().executionTime;
                    int attempt = context.getExecution().consecutiveFailures + 1;
                    Optional<Instant> next = runner.run(Long.parseLong(instance.getId()), occurrence, attempt);
                    return (complete, operations) -> {
                        if (next.isPresent()) {
                            operations.reschedule(complete, next.get(), next.get());
                        } else {
                            operations.remove();
                        }
                    };
                });
    }
}
