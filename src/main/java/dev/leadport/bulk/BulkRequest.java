package dev.leadport.bulk;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The body of a bulk request: either {@code ids} (numbers or numeric strings; each is checked on its own) or a
 * {@code filter} with the export's filter fields, plus {@code changes} (update) or {@code ownerId} (assign).
 */
record BulkRequest(
        List<JsonNode> ids, Map<String, Object> filter, Map<String, Object> changes, Long ownerId, Boolean dryRun) {}
