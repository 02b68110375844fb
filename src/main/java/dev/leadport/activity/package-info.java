/**
 * The activity log: one append-only entry per operation event and security event, its list, CSV and figures.
 *
 * <p>Path: {@code OperationEvent} (published by the other modules) -> {@code ActivityRecorder} -> {@code
 * ActivityRepository}; read through {@code ActivityController} (its filters an {@code ActivityQuery}); {@code
 * OperationMeters} turns the same events into metrics.
 */
package dev.leadport.activity;
