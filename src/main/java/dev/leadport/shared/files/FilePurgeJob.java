package dev.leadport.shared.files;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes stored files whose retention has passed (uploads, error reports' sources, export files), hourly. */
@Configuration(proxyBeanMethods = false)
class FilePurgeJob {

    private static final Logger log = LoggerFactory.getLogger(FilePurgeJob.class);

    @Bean
    RecurringTask<Void> fileStorePurgeTask(FileStore files) {
        return Tasks.recurring("file-store-purge", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    int purged = files.purgeExpired();
                    if (purged > 0) {
                        log.info("Deleted {} stored files past their retention", purged);
                    }
                });
    }
}
