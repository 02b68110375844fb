package dev.leadport.leads;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A lead value is valid or not by one rule, whether it comes through the API or in an imported file. */
class SameRulesForApiAndImportTest extends ApiTestBase {

    private static final boolean ACCEPTED = true;
    private static final boolean REFUSED = false;

    private record Case(String column, String value, boolean valid) {

        @Override
        public String toString() {
            return column + " '"
                    + (value.length() > 60 ? value.substring(0, 60) + "...' (" + value.length() + ")" : value + "'");
        }
    }

    @Test
    void theApiAndTheImportAcceptAndRefuseTheSameValues() {
        Api admin = as("admin");
        String tag = unique("rules").replace("-", "_");
        Map<String, String> customKeys = new LinkedHashMap<>();
        List<Long> fieldIds = new ArrayList<>();
        for (String type : List.of("NUMBER", "BOOLEAN", "CHOICE", "DATE", "TEXT")) {
            String key = type.toLowerCase() + "_" + tag;
            Map<String, Object> field = map("key", key, "label", key, "type", type);
            if (type.equals("CHOICE")) {
                field.put("options", List.of("Gold", "Silver"));
            }
            Api.Response created = admin.post("/api/custom-fields", field);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            fieldIds.add(created.json().get("id").asLong());
            customKeys.put(type, key);
        }
        List<Case> cases = List.of(
                new Case("email", "ann.lee@example.com", ACCEPTED),
                new Case("email", "x@exa_mple.com", REFUSED),
                new Case("email", "a@b..com", REFUSED),
                new Case("email", "no-at-sign.example.com", REFUSED),
                new Case("email", "a@b@example.com", REFUSED),
                new Case("email", "ann@example", REFUSED),
                new Case("phone", "+1 415 555 0101", ACCEPTED),
                new Case("phone", "12", REFUSED),
                new Case("phone", "+1 - 415 - 555 - 0101 - extension - 12345", ACCEPTED),
                new Case("phone", "+1" + " ".repeat(LeadLimits.PHONE) + "415 555 0101", REFUSED),
                new Case("firstName", "A".repeat(LeadLimits.NAME), ACCEPTED),
                new Case("firstName", "A".repeat(LeadLimits.NAME + 1), REFUSED),
                new Case("NUMBER", "1234.56", ACCEPTED),
                new Case("NUMBER", "-1,234,567.5", ACCEPTED),
                new Case("NUMBER", "1e3", REFUSED),
                new Case("NUMBER", "1,2,3", REFUSED),
                new Case("NUMBER", "twelve", REFUSED),
                new Case("BOOLEAN", "t", ACCEPTED),
                new Case("BOOLEAN", "F", ACCEPTED),
                new Case("BOOLEAN", "yes", ACCEPTED),
                new Case("BOOLEAN", "maybe", REFUSED),
                new Case("CHOICE", "gold", ACCEPTED),
                new Case("CHOICE", "Platinum", REFUSED),
                new Case("DATE", "2025-12-25", ACCEPTED),
                new Case("DATE", "2025-13-01", REFUSED),
                new Case("TEXT", "x".repeat(LeadLimits.CUSTOM_TEXT), ACCEPTED),
                new Case("TEXT", "x".repeat(LeadLimits.CUSTOM_TEXT + 1), REFUSED));
        try {
            Set<Integer> refusedByApi = new HashSet<>();
            List<String> header =
                    List.of("email", "phone", "first name", "number", "boolean", "choice", "date", "text");
            StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Map<String, Object> lead = new LinkedHashMap<>();
                lead.put("email", c.column().equals("email") ? c.value() : "case" + i + "-" + tag + "@example.com");
                lead.put("source", tag);
                List<String> row = new ArrayList<>(List.of(lead.get("email").toString(), "", "", "", "", "", "", ""));
                if (c.column().equals("phone")) {
                    lead.put("phone", c.value());
                    row.set(1, c.value());
                } else if (c.column().equals("firstName")) {
                    lead.put("firstName", c.value());
                    row.set(2, c.value());
                } else if (customKeys.containsKey(c.column())) {
                    lead.put("custom", Map.of(customKeys.get(c.column()), c.value()));
                    row.set(header.indexOf(c.column().toLowerCase()), c.value());
                }
                Api.Response response = admin.post("/api/leads", lead);
                assertThat(response.status()).as(c + ": " + response).isIn(201, 400);
                if (response.status() == 400) {
                    refusedByApi.add(i);
                }
                csv.append(String.join(
                                ",",
                                row.stream()
                                        .map(SameRulesForApiAndImportTest::quoted)
                                        .toList()))
                        .append('\n');
            }
            Map<String, String> mapping = new LinkedHashMap<>();
            mapping.put("email", "email");
            mapping.put("phone", "phone");
            mapping.put("first name", "firstName");
            customKeys.forEach((type, key) -> mapping.put(type.toLowerCase(), "custom:" + key));
            Api.Response validated = admin.postMultipart(
                    "/api/leads/import-export/validate",
                    Map.of(
                            "file",
                            FilePart.csv("rules.csv", csv.toString()),
                            "mapping",
                            Api.JSON.writeValueAsString(mapping)));
            assertThat(validated.status()).as(validated.toString()).isEqualTo(200);
            Set<Integer> refusedByImport = new HashSet<>();
            // The import refuses a value either by failing its row or, for a secondary value next to a good email,
            // by leaving that one value out with a warning; both are a refusal of the value.
            for (String kind : List.of("errors", "warnings")) {
                for (JsonNode problem : validated.json().get(kind)) {
                    refusedByImport.add(problem.get("row").asInt() - 2);
                }
            }

            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                if (refusedByApi.contains(i) == c.valid()) {
                    wrong.add(c + (c.valid() ? " refused" : " accepted") + " by the API");
                }
                if (refusedByImport.contains(i) == c.valid()) {
                    wrong.add(c + (c.valid() ? " refused" : " accepted") + " by the import");
                }
            }
            assertThat(wrong).isEmpty();
        } finally {
            for (long id : fieldIds) {
                admin.delete("/api/custom-fields/" + id);
            }
        }
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }
}
