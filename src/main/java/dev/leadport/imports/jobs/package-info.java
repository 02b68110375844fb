/**
 * Imports as jobs of the job engine: {@code ImportTasks} defines the task, {@code ImportRunner} runs an import from
 * its checkpoint, {@code ImportJobRepository} keeps its state; {@code ImportUndo} and {@code ErrorReport} work on a
 * finished import.
 */
package dev.leadport.imports.jobs;
