/**
 * Scheduled exports: recurring exports whose files are mailed (or linked) to their owner.
 *
 * <p>Path: {@code ScheduleController} -> {@code ScheduleService} (keeps one job-engine execution per active
 * schedule) -> the task in {@code ScheduledExportTasks} -> {@code ScheduledExportRunner}, which writes the file
 * through {@code ScheduledExportWriter} and records a {@code ScheduleRun}.
 */
package dev.leadport.schedules;
