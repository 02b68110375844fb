package dev.leadport.imports.mapping;

import dev.leadport.leads.LeadField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers other tools write for each target: HubSpot, Salesforce, Pipedrive, Zoho, Outlook and hand-made Excel
 * sheets. Matching is on normalised words, so case, spaces, hyphens and underscores need no entries of their own.
 */
final class HeaderSynonyms {

    private HeaderSynonyms() {}

    /** Targets in priority order (a tie goes to the earlier one) with their synonyms. */
    static Map<ColumnTarget, List<String>> standard() {
        Map<ColumnTarget, List<String>> synonyms = new LinkedHashMap<>();
        synonyms.put(
                ColumnTarget.field(LeadField.EMAIL),
                List.of(
                        "email address",
                        "email 1",
                        "email 1 address",
                        "email1",
                        "primary email",
                        "work email",
                        "business email",
                        "contact email",
                        "email id",
                        "mail"));
        synonyms.put(
                ColumnTarget.field(LeadField.PHONE),
                List.of(
                        "phone number",
                        "mobile",
                        "mobile phone",
                        "mobile number",
                        "business phone",
                        "work phone",
                        "telephone",
                        "telephone number",
                        "tel",
                        "cell",
                        "cell phone",
                        "primary phone",
                        "phone 1",
                        "direct phone",
                        "contact phone",
                        "home phone"));
        synonyms.put(
                ColumnTarget.field(LeadField.FIRST_NAME),
                List.of("first", "given name", "fname", "forename", "contact first name", "lead first name"));
        synonyms.put(
                ColumnTarget.field(LeadField.LAST_NAME),
                List.of("last", "surname", "family name", "lname", "contact last name", "lead last name"));
        synonyms.put(
                ColumnTarget.field(LeadField.COMPANY),
                List.of(
                        "company name",
                        "organization",
                        "organisation",
                        "organization name",
                        "organisation name",
                        "account name",
                        "account",
                        "employer",
                        "business name"));
        synonyms.put(
                ColumnTarget.field(LeadField.JOB_TITLE),
                List.of("title", "position", "job position", "role", "job role", "designation"));
        synonyms.put(
                ColumnTarget.field(LeadField.STATUS),
                List.of("lead status", "contact status", "lifecycle stage", "stage"));
        synonyms.put(
                ColumnTarget.field(LeadField.SOURCE),
                List.of("lead source", "original source", "source of lead", "original source type", "channel"));
        synonyms.put(
                ColumnTarget.field(LeadField.OWNER),
                List.of(
                        "contact owner",
                        "lead owner",
                        "assigned to",
                        "account owner",
                        "record owner",
                        "owner email",
                        "owner name",
                        "sales rep",
                        "salesperson",
                        "assignee"));
        synonyms.put(
                ColumnTarget.field(LeadField.NOTES),
                List.of("note", "description", "comments", "comment", "remarks", "details"));
        synonyms.put(
                ColumnTarget.FULL_NAME,
                List.of("name", "full name", "contact name", "lead name", "person", "person name", "display name"));
        return synonyms;
    }
}
