package dev.leadport.bulk;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The bulk module's jobs on db-scheduler: large operations (resumed from their last settled chunk when a node dies
 * mid-way or the database comes back after an outage; retried with backoff, then failed) and the recycle-bin purge.
 */
@Configuration(proxyBeanMethods = false)
class BulkTasks {

    @Bean
    OneTimeTask<Long> bulkOperationTask(@Lazy BulkService bulk, BulkProperties properties) {
        return Tasks.oneTime(BulkService.JOB)
                .onFailure(FailureHandler.<Long>maxRetries(properties.jobRetries())
                        .withBackoff(properties.jobRetryBackoff())
                        .thenRemove(complete -> bulk.giveUp(
                                Long.parseLong(
                                        complete.getExecution().taskInstance.getId()),
                                complete.getCause().map(Throwable::getMessage).orElse("unknown"))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> bulk.runJob(instance.getData()));
    }

    @Bean
    RecurringTask<Void> recycleBinPurgeTask(@Lazy BulkService bulk, BulkProperties properties) {
        return Tasks.recurring("bulk-recycle-bin-purge", FixedDelay.of(properties.purgeInterval()))
                .execute((instance, context) -> bulk.purgeRecycleBin());
    }
}
