package dev.leadport.imports;

/**
 * A validated row ready for staging: the validator's result plus what the engine resolved (the owner's id) and
 * whether the file gave a status at all (an empty status cell must not overwrite an existing lead's status).
 */
record CheckedRow(RowResult result, Long ownerId, boolean statusGiven) {

    boolean isValid() {
        return result.isValid();
    }
}
