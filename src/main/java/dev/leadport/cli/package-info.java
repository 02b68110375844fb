/**
 * The command-line client: {@code import}, {@code export}, {@code bulk} and {@code jobs} over the HTTP API, signed in
 * with a personal API token. It talks HTTP only and uses no other module's code and no Spring, so it runs in the
 * same jar without starting the application.
 *
 * <p>Path: {@code LeadportCli} (entry, exit codes) -> {@code Arguments} (options of one command) -> {@code
 * ExportCommand} / {@code ImportCommand} / {@code BulkCommand} / {@code JobsCommand} -> {@code Server} (HTTP, one-line
 * errors from problem+json via {@code Problem}).
 */
package dev.leadport.cli;
