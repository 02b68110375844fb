package dev.leadport.imports.reading;

/**
 * Limits that keep a hostile or broken file from exhausting memory: the longest field accepted as data, and for XLSX
 * files the largest total inflated size and the most zip entries.
 */
public record ReadOptions(int maxFieldLength, long maxInflatedBytes, int maxZipEntries) {

    public static final ReadOptions DEFAULTS = new ReadOptions(10_000, 2L * 1024 * 1024 * 1024, 10_000);

    public ReadOptions {
        if (maxFieldLength < 1 || maxInflatedBytes < 1 || maxZipEntries < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ReadOptions withMaxFieldLength(int length) {
        return new ReadOptions(length, maxInflatedBytes, maxZipEntries);
    }

    public ReadOptions withZipLimits(long inflatedBytes, int entries) {
        return new ReadOptions(maxFieldLength, inflatedBytes, entries);
    }
}
