/**
 * Mail about finished jobs, through an outbox that is held in demo mode.
 *
 * <p>Path: {@code OperationEvent} -> {@code OperationMailListener} (writes an outbox row) -> {@code MailOutbox};
 * the task defined in {@code NotificationTasks} has {@code MailDelivery} send it, with retries.
 */
package dev.leadport.notifications;
