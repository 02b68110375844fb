package dev.leadport.imports;

/**
 * What an import does with a row whose email matches a lead that already exists. Rows repeating an email seen
 * earlier in the same file are always skipped and reported.
 */
public enum DuplicateMode {
    /** Keep the existing lead as it is; the row is skipped. */
    SKIP,
    /** Fill the existing lead from the row; empty cells never blank out existing values. */
    UPDATE,
    /** Create leads only; a row whose email exists already fails with the existing lead named. */
    CREATE
}
