package dev.leadport.imports.pipeline;

import dev.leadport.imports.validation.RowResult;

/**
 * A validated row ready for staging: the validator's result plus what the engine resolved (the owner's id) and
 * whether the file gave a status at all (an empty status cell must not overwrite an existing lead's status).
 */
public record CheckedRow(RowResult result, Long ownerId, boolean statusGiven) {

    public boolean isValid() {
        return result.isValid();
    }
}
