package dev.leadport.exports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The exports module's job on db-scheduler: background exports, written again from the start if a node dies. */
@Configuration(proxyBeanMethods = false)
class ExportTasks {

    @Bean
    OneTimeTask<Long> exportJobTask(@Lazy ExportJobService jobs) {
        return Tasks.oneTime(ExportJobService.JOB)
                .onDeadExecutionRevive()
                .execute((instance, context) -> jobs.run(instance.getData()));
    }
}
