package dev.leadport.imports.mapping;

/**
 * Which targets take only certain values (status words, users as owners, the options of a choice field) and whether a
 * value is one of them; the mapper suggests such a target for a column only when most of its values fit.
 */
public interface ValueFit {

    /** Every target takes any value: the mapper then goes by headers alone for these targets. */
    ValueFit ANY = new ValueFit() {
        @Override
        public boolean constrains(ColumnTarget target) {
            return false;
        }

        @Override
        public boolean fits(ColumnTarget target, String value) {
            return true;
        }
    };

    boolean constrains(ColumnTarget target);

    boolean fits(ColumnTarget target, String value);
}
