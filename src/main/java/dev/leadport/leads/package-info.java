/**
 * Leads: the lead record, custom field definitions and the one rule for each value ({@code EmailAddress},
 * {@code PhoneNumber}, {@code LeadLimits}, {@code CustomFieldValues}) that the API, the lead form and imports share.
 *
 * <p>Path: {@code LeadController} -> {@code LeadService} (checks a {@code LeadRequest}) -> {@code LeadRepository};
 * lists, exports and bulk operations filter through {@code LeadFilter} and {@code LeadFilterSql}, which applies the
 * acting user's role in SQL.
 */
package dev.leadport.leads;
