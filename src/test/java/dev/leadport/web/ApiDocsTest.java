package dev.leadport.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ApiDocsTest extends ApiTestBase {

    @Test
    void theApiDocumentationHasATitleATagPerModuleAndASummaryAndExampleForEveryOperation() {
        JsonNode doc = as("admin").get("/v3/api-docs").json();
        assertThat(doc.get("info").get("title").asString()).isEqualTo("Leadport API");
        assertThat(doc.get("info").get("version").asString()).isNotEqualTo("v0");
        assertThat(doc.get("info").get("description").asString()).contains("HTTP Basic");

        Set<String> tags = new HashSet<>();
        for (JsonNode tag : doc.get("tags")) {
            assertThat(tag.get("description").asString()).as(tag.toString()).isNotBlank();
            tags.add(tag.get("name").asString());
        }
        assertThat(tags).contains("Leads", "Imports", "Exports", "Bulk operations", "Users");

        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                JsonNode op = method.getValue();
                operations++;
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                if (op.get("summary") == null || op.get("summary").asString().isBlank()) {
                    missing.add(name + ": no summary");
                }
                if (op.get("description") == null
                        || !op.get("description").asString().contains("curl ")) {
                    missing.add(name + ": no example");
                }
                if (op.get("tags") == null
                        || op.get("tags").size() != 1
                        || !tags.contains(op.get("tags").get(0).asString())) {
                    missing.add(name + ": not in one module's tag");
                }
            }
        }
        assertThat(operations).isGreaterThan(40);
        assertThat(missing).isEmpty();
    }
}
