package dev.leadport.imports.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which target each column of a file goes to, in column order, with the mapper's confidence (1.0 for a user's own
 * choice). Several columns may feed one target ("Email 1", "Email 2"; "Phone", "Mobile"): they are tried in column
 * order, and the first valid value of a row wins, so a value never silently overwrites another.
 */
public record ColumnMapping(List<Column> columns) {

    /** One column: its position, its header as written, its target and how sure the suggestion is (0..1). */
    public record Column(int index, String header, ColumnTarget target, double confidence) {}

    public ColumnMapping {
        columns = List.copyOf(columns);
    }

    public List<String> headers() {
        return columns.stream().map(Column::header).toList();
    }

    /** The columns that feed {@code target}, in the order they are tried (column order). */
    public List<Column> columnsFor(ColumnTarget target) {
        return columns.stream().filter(c -> c.target().equals(target)).toList();
    }

    /** Each target that columns feed, with their headers in the order they are tried. */
    public Map<String, List<String>> feeds() {
        Map<String, List<String>> feeds = new LinkedHashMap<>();
        for (Column column : columns) {
            if (!column.target().isIgnored()) {
                feeds.computeIfAbsent(column.target().toString(), t -> new ArrayList<>())
                        .add(column.header());
            }
        }
        feeds.replaceAll((target, headers) -> List.copyOf(headers));
        return feeds;
    }

    /** The first column mapped to {@code target}, if any. */
    public Optional<Column> columnFor(ColumnTarget target) {
        return columns.stream().filter(c -> c.target().equals(target)).findFirst();
    }

    /** This mapping with the user's choice for one column; a column that held the same target is set to ignore. */
    public ColumnMapping with(int index, ColumnTarget target) {
        List<Column> changed = new ArrayList<>();
        for (Column column : columns) {
            if (column.index() == index) {
                changed.add(new Column(index, column.header(), target, 1.0));
            } else if (!target.isIgnored() && column.target().equals(target)) {
                changed.add(new Column(column.index(), column.header(), ColumnTarget.IGNORE, 0));
            } else {
                changed.add(column);
            }
        }
        return new ColumnMapping(changed);
    }

    /** The mapping in a form to save: header as written to target ({@link ColumnTarget#toString()}). */
    public Map<String, String> toSaved() {
        Map<String, String> saved = new LinkedHashMap<>();
        columns.forEach(c -> saved.putIfAbsent(c.header(), c.target().toString()));
        return saved;
    }

    /** A saved mapping applied to a file's headers; headers it does not know are ignored. */
    public static ColumnMapping fromSaved(List<String> headers, Map<String, String> saved) {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ColumnTarget target = ColumnTarget.parse(saved.getOrDefault(headers.get(i), "ignore"));
            columns.add(new Column(i, headers.get(i), target, target.isIgnored() ? 0 : 1.0));
        }
        return new ColumnMapping(columns);
    }

    /** Identifies this file's set of headers, to find a mapping saved for an earlier file of the same shape. */
    String fingerprint() {
        return fingerprintOf(headers());
    }

    /**
     * A SHA-256 over the distinct normalised headers in sorted order, so column order, case and punctuation do not
     * change it but an added or renamed column does.
     */
    static String fingerprintOf(List<String> headers) {
        String canonical = String.join(
                "\n",
                headers.stream()
                        .map(HeaderNames::words)
                        .filter(h -> !h.isEmpty())
                        .distinct()
                        .sorted()
                        .toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
