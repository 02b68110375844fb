package dev.leadport.web;

import dev.leadport.leads.LeadSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The leads list's column headers: which sort, and the link that sorts by each (first click ascending). */
final class LeadListColumns {

    private LeadListColumns() {}

    /**
     * One header. {@code href} is null for a column the list cannot sort by; {@code ariaSort} says how the list is
     * sorted by this column now.
     */
    record Column(String label, String href, String ariaSort, String mark, String hint) {}

    private record Spec(String label, LeadSort.Column column) {}

    private static final List<Spec> COLUMNS = List.of(
            new Spec("Name", LeadSort.Column.NAME),
            new Spec("Email", LeadSort.Column.EMAIL),
            new Spec("Phone", null),
            new Spec("Company", LeadSort.Column.COMPANY),
            new Spec("Status", LeadSort.Column.STATUS),
            new Spec("Source", null),
            new Spec("Owner", null),
            new Spec("Created", LeadSort.Column.CREATED));

    static List<Column> of(LeadSort sort, String filterQuery) {
        List<Column> result = new ArrayList<>();
        for (Spec spec : COLUMNS) {
            if (spec.column() == null) {
                result.add(new Column(spec.label(), null, null, null, null));
                continue;
            }
            boolean current =
                    spec.column() == sort.column() || (sort.isNewest() && spec.column() == LeadSort.Column.CREATED);
            boolean ascendingNow = current && !sort.isNewest() && sort.ascending();
            boolean timestamp = spec.column() == LeadSort.Column.CREATED;
            // A click on the sorted column turns it round; on another column it sorts by that one, A to Z or newest
            // first.
            boolean nextAscending = current ? !ascendingNow : !timestamp;
            String href = "/leads?" + (filterQuery.isEmpty() ? "" : filterQuery + "&") + "sort="
                    + spec.column().key() + "&dir=" + (nextAscending ? "asc" : "desc");
            String ariaSort = current ? (ascendingNow ? "ascending" : "descending") : null;
            String mark = current ? (ascendingNow ? " ▲" : " ▼") : "";
            String hint = "Sort by " + spec.label().toLowerCase(java.util.Locale.ROOT)
                    + (nextAscending
                            ? (timestamp ? ", oldest first" : ", A to Z")
                            : (timestamp ? ", newest first" : ", Z to A"));
            result.add(new Column(spec.label(), href, ariaSort, mark, hint));
        }
        return result;
    }

    static String caption(LeadSort sort) {
        if (sort.isNewest()) {
            return "newest first";
        }
        String column = sort.key();
        return "sorted by " + column + (sort.ascending() ? ", ascending" : ", descending");
    }

    /** The query string without the named parameters. */
    static String without(String query, String... names) {
        Set<String> drop = Set.of(names);
        return String.join(
                "&",
                Arrays.stream(query.split("&"))
                        .filter(p ->
                                !p.isEmpty() && !drop.contains(p.contains("=") ? p.substring(0, p.indexOf('=')) : p))
                        .toList());
    }
}
