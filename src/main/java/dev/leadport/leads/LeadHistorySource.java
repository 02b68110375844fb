package dev.leadport.leads;

import java.util.List;

/** A module that changes leads and keeps its own record of it (imports, bulk operations) tells the history here. */
public interface LeadHistorySource {

    /** The changes this module made to the lead, in any order. */
    List<LeadChange> changesOf(long leadId);
}
