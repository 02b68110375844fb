package dev.leadport.bulk;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The bulk module's jobs on db-scheduler: large operations (resumed from their last settled chunk when a node dies
 * mid-way) and the recycle-bin purge.
 */
@Configuration(proxyBeanMethods = false)
class BulkJobs {

    @Bean
    OneTimeTask<Long> bulkOperationTask(@Lazy BulkService bulk) {
        return Tasks.oneTime(BulkService.JOB)
                .onDeadExecutionRevive()
                .execute((instance, context) -> bulk.runJob(instance.getData()));
    }

    @Bean
    RecurringTask<Void> recycleBinPurgeTask(@Lazy BulkService bulk, BulkProperties properties) {
        return Tasks.recurring("bulk-recycle-bin-purge", FixedDelay.of(properties.purgeInterval()))
                .execute((instance, context) -> bulk.purgeRecycleBin());
    }
}
