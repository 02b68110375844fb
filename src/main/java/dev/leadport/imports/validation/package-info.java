/**
 * One row checked: {@code RowValidator} turns a mapped row into a {@code LeadDraft} and its problems, with status
 * words ({@code StatusMapper}), owners ({@code OwnerResolver}) and dates in the file's day/month order ({@code
 * DateText}); the value rules themselves live in the leads module.
 */
package dev.leadport.imports.validation;
