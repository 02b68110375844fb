package dev.leadport.leads;

import java.util.List;

/**
 * One page of leads, newest first.
 *
 * @param nextCursor pass as {@code after} to get the next page; null on the last page
 * @param total how many leads match the filter, when asked for
 * @param totalExact whether {@code total} is an exact count (false: the database's estimate, given only when more
 *     leads match than a page counts exactly); null without a total
 */
public record LeadPage(List<Lead> items, String nextCursor, Long total, Boolean totalExact) {}
