/**
 * Fixture modules for the architecture test only: {@code gamma} breaks the rule that other modules use a module only
 * through its root package, {@code beta} keeps it, so the test proves the rule can fail; {@code client} breaks the
 * command-line client's rule (HTTP only: no module's code, no Spring).
 */
package dev.leadport.archfixture;
