package dev.leadport.webhooks;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The job engine's webhook task: one execution per delivery, retried with exponential backoff. */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

    static final String SEND_TASK = "webhook-delivery";

    @Bean
    OneTimeTask<Void> webhookDeliveryTask(WebhookSender sender, WebhookProperties properties) {
        return Tasks.oneTime(SEND_TASK)
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(properties.retryBackoff(), 2.0))
                .execute((instance, context) -> sender.send(Long.parseLong(instance.getId())));
    }
}
