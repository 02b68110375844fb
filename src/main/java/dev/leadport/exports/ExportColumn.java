package dev.leadport.exports;

/**
 * One column of an export: the field's key and label (the import maps headers by either, so a file re-imports), and
 * the SQL expression over the lead table (alias {@code l}) that yields its text exactly as the file shows it.
 *
 * @param owner whether the value is an owner id to show as the owner's username
 * @param text whether the value is free text a spreadsheet might run as a formula (not ids, dates or statuses)
 */
record ExportColumn(String key, String label, String sql, boolean owner, boolean text) {

    public String header(HeaderStyle style) {
        return style == HeaderStyle.KEYS ? key : label;
    }
}
