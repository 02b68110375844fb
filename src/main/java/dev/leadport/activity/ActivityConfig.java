package dev.leadport.activity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;

/** Wires the audit trail into Spring Security and the job engine. */
@Configuration(proxyBeanMethods = false)
class ActivityConfig {

    private static final Logger log = LoggerFactory.getLogger(ActivityConfig.class);

    /** Makes request and method security publish AuthorizationDeniedEvents, which the audit trail records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Purges entries older than the retention; the one delete the log's trigger allows. */
    @Bean
    RecurringTask<Void> activityRetentionTask(
            ActivityRepository repository, ActivityProperties properties, Clock clock) {
        return Tasks.recurring("activity-retention", Schedules.fixedDelay(properties.purgeInterval()))
                .execute((instance, context) -> {
                    int deleted = repository.purgeBefore(clock.instant().minus(properties.retention()));
                    if (deleted > 0) {
                        log.info("Purged {} activity entries older than {}", deleted, properties.retention());
                    }
                });
    }
}
