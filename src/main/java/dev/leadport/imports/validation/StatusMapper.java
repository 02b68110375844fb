package dev.leadport.imports.validation;

import dev.leadport.imports.mapping.HeaderNames;
import dev.leadport.leads.LeadStatus;
import dev.leadport.leads.Parsed;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a lead status from the words other CRMs use (Salesforce "Open - Not Contacted", HubSpot "Attempted to
 * contact", Zoho "Junk Lead", Pipedrive "Won"), case- and punctuation-insensitively. Words the user maps take
 * precedence; an empty status is NEW.
 */
final class StatusMapper {

    private static final Map<String, LeadStatus> BUILT_IN = builtIn();

    /** Files repeat a handful of status words; each distinct text is read once (up to a bound). */
    private static final int REMEMBERED = 1_000;

    private final Map<String, LeadStatus> userValues = new HashMap<>();
    private final Map<String, Parsed<LeadStatus>> read = new HashMap<>();

    StatusMapper(Map<String, LeadStatus> userValues) {
        userValues.forEach((text, status) -> this.userValues.put(HeaderNames.words(text), status));
    }

    Parsed<LeadStatus> parse(String text) {
        Parsed<LeadStatus> known = read.get(text);
        if (known != null) {
            return known;
        }
        Parsed<LeadStatus> parsed = interpret(text);
        if (read.size() < REMEMBERED) {
            read.put(text, parsed);
        }
        return parsed;
    }

    private Parsed<LeadStatus> interpret(String text) {
        if (text.isBlank()) {
            return Parsed.valid(LeadStatus.NEW);
        }
        String words = HeaderNames.words(text);
        LeadStatus status = userValues.getOrDefault(words, BUILT_IN.get(words));
        return status != null
                ? Parsed.valid(status)
                : Parsed.invalid("unknown status; use one of New, Contacted, Qualified, Unqualified, Converted, Lost"
                        + " or map this value to one of them");
    }

    private static Map<String, LeadStatus> builtIn() {
        Map<String, LeadStatus> statuses = new HashMap<>();
        for (LeadStatus status : LeadStatus.values()) {
            statuses.put(HeaderNames.words(status.name()), status);
        }
        put(
                statuses,
                LeadStatus.NEW,
                "open",
                "open not contacted",
                "not contacted",
                "new lead",
                "lead",
                "subscriber",
                "fresh",
                "untouched",
                "recycled");
        put(
                statuses,
                LeadStatus.CONTACTED,
                "working",
                "working contacted",
                "attempted to contact",
                "in progress",
                "connected",
                "contact in future",
                "contacted",
                "nurturing",
                "follow up",
                "engaged",
                "replied");
        put(
                statuses,
                LeadStatus.QUALIFIED,
                "open deal",
                "pre qualified",
                "qualified",
                "sales qualified lead",
                "sql",
                "marketing qualified lead",
                "mql",
                "salesqualifiedlead",
                "marketingqualifiedlead",
                "opportunity",
                "hot",
                "warm");
        put(
                statuses,
                LeadStatus.UNQUALIFIED,
                "unqualified",
                "not qualified",
                "disqualified",
                "junk lead",
                "junk",
                "closed not qualified",
                "spam",
                "invalid");
        put(
                statuses,
                LeadStatus.CONVERTED,
                "closed converted",
                "converted",
                "customer",
                "won",
                "closed won",
                "evangelist",
                "client",
                "deal won");
        put(
                statuses,
                LeadStatus.LOST,
                "closed not converted",
                "bad timing",
                "lost lead",
                "lost",
                "closed lost",
                "dead",
                "deal lost",
                "churned",
                "not interested");
        return Map.copyOf(statuses);
    }

    private static void put(Map<String, LeadStatus> statuses, LeadStatus status, String... words) {
        for (String word : words) {
            statuses.put(HeaderNames.words(word), status);
        }
    }
}
