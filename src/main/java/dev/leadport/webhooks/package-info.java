/**
 * Webhooks: signed JSON deliveries to the endpoints an ADMIN registers when operations end.
 *
 * <p>Path: {@code WebhookController} registers endpoints ({@code AddressGuard} refuses private addresses) -> {@code
 * OperationWebhookListener} turns each final {@code OperationEvent} into outbox rows ({@code WebhookRepository}) ->
 * the job engine's {@code WebhookTasks} task runs {@code WebhookSender}, which signs ({@code WebhookSignature}) and
 * sends each one, retrying with backoff.
 */
package dev.leadport.webhooks;
