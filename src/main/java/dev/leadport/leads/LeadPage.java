package dev.leadport.leads;

import java.util.List;

/**
 * One page of leads, newest first.
 *
 * @param nextCursor pass as {@code after} to get the next page; null on the last page
 * @param total how many leads match the filter, when asked for
 */
public record LeadPage(List<Lead> items, String nextCursor, Long total) {}
