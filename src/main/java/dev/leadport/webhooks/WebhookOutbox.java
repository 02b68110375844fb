package dev.leadport.webhooks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Queues a delivery: a row in the outbox and a job engine execution that sends it. */
@Component
class WebhookOutbox {

    private final WebhookRepository repository;
    // Looked up when used: the scheduler is built from all tasks.
    private final ObjectProvider<SchedulerClient> scheduler;
    private final OneTimeTask<Void> task;

    WebhookOutbox(
            WebhookRepository repository,
            ObjectProvider<SchedulerClient> scheduler,
            @Qualifier("webhookDeliveryTask") OneTimeTask<Void> task) {
        this.repository = repository;
        this.scheduler = scheduler;
        this.task = task;
    }

    long queue(long endpointId, WebhookEvent event, String type, String operationId, String payload, Instant now) {
        long id = repository.insertDelivery(endpointId, event, type, operationId, payload, now);
        scheduler
                .getObject()
                .scheduleIfNotExists(task.instanceBuilder(Long.toString(id)).scheduledTo(now));
        return id;
    }
}
