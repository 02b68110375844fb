package dev.leadport.imports;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * A dry run of a large stored upload is a one-time task of the PostgreSQL-backed job engine, one instance per check
 * id: any node may run it, a node that dies leaves it to be revived elsewhere (it then checks the file again from its
 * start), and its progress and result are rows in import_upload_check that every node reads.
 */
@Configuration(proxyBeanMethods = false)
class UploadCheckTasks {

    static final String TASK_NAME = "import-upload-check";

    @Bean
    OneTimeTask<Void> importCheckTask(@Lazy UploadChecks checks) {
        return Tasks.oneTime(TASK_NAME)
                .onDeadExecutionRevive()
                .execute((instance, context) -> checks.runQueued(Long.parseLong(instance.getId())));
    }
}
