package dev.leadport.notifications;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job engine's mail task: one execution per outbox mail, retried with exponential backoff. */
@Configuration(proxyBeanMethods = false)
class NotificationTasks {

    static final String SEND_TASK = "notification-mail";

    @Bean
    OneTimeTask<Void> notificationMailTask(MailDelivery delivery, NotificationProperties properties) {
        return Tasks.oneTime(SEND_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2.0))
                .execute((instance, context) -> delivery.deliver(Long.parseLong(instance.getId())));
    }
}
