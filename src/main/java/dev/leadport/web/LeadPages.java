package dev.leadport.web;

import dev.leadport.leads.Lead;

/** How pages name a lead: its name, else its email or phone, else its id. */
final class LeadPages {

    private LeadPages() {}

    static String name(Lead lead) {
        String name = ((lead.firstName() == null ? "" : lead.firstName()) + " "
                        + (lead.lastName() == null ? "" : lead.lastName()))
                .strip();
        if (!name.isEmpty()) {
            return name;
        }
        if (lead.email() != null) {
            return lead.email();
        }
        return lead.phone() != null ? lead.phone() : "lead " + lead.id();
    }
}
