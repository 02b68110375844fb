package dev.leadport.leads;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class LeadApiTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void createdLeadCanBeReadUpdatedAndDeleted() {
        Api admin = as("admin");
        String source = unique("crud");
        JsonNode created = createLead(
                admin,
                map(
                        "firstName", " Ada ",
                        "lastName", "Lovelace",
                        "email", "ada-" + source + "@example.com",
                        "phone", "(415) 555-0100",
                        "company", "Analytical Engines",
                        "status", "CONTACTED",
                        "source", source));
        long id = created.get("id").asLong();
        assertThat(created.get("firstName").asString()).isEqualTo("Ada");
        assertThat(created.get("phoneE164").asString()).isEqualTo("+14155550100");
        assertThat(created.get("owner").asString()).isEqualTo("admin");

        Api.Response read = admin.get("/api/leads/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("company").asString()).isEqualTo("Analytical Engines");

        Api.Response updated = admin.put(
                "/api/leads/" + id,
                map("email", "ada-" + source + "@example.com", "status", "QUALIFIED", "source", source));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("status").asString()).isEqualTo("QUALIFIED");
        assertThat(updated.json().get("company").isNull()).isTrue();

        assertThat(admin.delete("/api/leads/" + id).status()).isEqualTo(204);
        assertThat(admin.get("/api/leads/" + id).status()).isEqualTo(404);
    }

    @Test
    void secondLeadWithSameEmailInOtherCaseIsRejectedAsConflict() {
        Api admin = as("admin");
        String email = unique("dup") + "@Example.com";
        createLead(admin, map("email", email));
        Api.Response second = admin.post("/api/leads", map("email", email.toUpperCase()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void deletedLeadFreesItsEmailForANewLead() {
        Api admin = as("admin");
        String email = unique("reuse") + "@example.com";
        long id = createLead(admin, map("email", email)).get("id").asLong();
        admin.delete("/api/leads/" + id);
        assertThat(admin.post("/api/leads", map("email", email)).status()).isEqualTo(201);
    }

    @Test
    void listFiltersByStatusSourceOwnerAndSearch() {
        Api admin = as("admin");
        String source = unique("filter");
        long managerId = userId("manager");
        createLead(admin, map("email", "a-" + source + "@x.io", "status", "NEW", "source", source, "company", "Zeta"));
        createLead(
                admin, map("email", "b-" + source + "@x.io", "status", "LOST", "source", source, "ownerId", managerId));
        createLead(admin, map("phone", "+44 20 7946 0958", "status", "LOST", "source", source, "lastName", "Quokka"));

        assertThat(emails(admin.get("/api/leads?source=" + source))).hasSize(3);
        assertThat(admin.get("/api/leads?source=" + source + "&status=LOST")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(admin.get("/api/leads?source=" + source + "&status=LOST&status=NEW")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(3);
        assertThat(emails(admin.get("/api/leads?source=" + source + "&owner=manager")))
                .containsExactly("b-" + source + "@x.io");
        assertThat(admin.get("/api/leads?source=" + source + "&q=quok")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(admin.get("/api/leads?source=" + source + "&q=ZETA")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(admin.get("/api/leads?source=" + source + "&q=100%25")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void totalIsExactUpToTheLimitThenAnEstimateMarkedAsSuchOrExactWhenAskedFor() {
        Api admin = as("admin");
        String source = unique("many");
        int many = 10_050;
        jdbc.sql("""
                        insert into lead (email, source, owner_id)
                        select 'lead' || g || '-' || :source || '@x.io', :source, (select id from app_user where username = 'admin')
                        from generate_series(1, :n) g
                        """).param("source", source).param("n", many).update();
        jdbc.sql("analyze lead").update();
        try {
            JsonNode bounded = admin.get("/api/leads?size=5&source=" + source).json();
            assertThat(bounded.get("totalExact").asBoolean()).isFalse();
            // The planner's estimate: more than the limit, and near the truth with fresh statistics.
            assertThat(bounded.get("total").asLong()).isGreaterThan(10_000).isLessThan(many * 2L);

            JsonNode exact =
                    admin.get("/api/leads?size=5&total=exact&source=" + source).json();
            assertThat(exact.get("total").asLong()).isEqualTo(many);
            assertThat(exact.get("totalExact").asBoolean()).isTrue();

            JsonNode few = admin.get("/api/leads?size=5&q=lead7-" + source).json();
            assertThat(few.get("total").asLong()).isEqualTo(1);
            assertThat(few.get("totalExact").asBoolean()).isTrue();

            JsonNode none =
                    admin.get("/api/leads?size=5&total=false&source=" + source).json();
            assertThat(none.get("total").isNull()).isTrue();
            assertThat(none.get("items").size()).isEqualTo(5);

            Api.Response wrong = admin.get("/api/leads?total=maybe");
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("total");
        } finally {
            jdbc.sql("delete from lead where source = :source")
                    .param("source", source)
                    .update();
        }
    }

    @Test
    void createdDateRangeIsInclusiveOfWholeDays() {
        Api admin = as("admin");
        String source = unique("dates");
        createLead(admin, map("email", source + "@x.io", "source", source));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        assertThat(total(admin, "/api/leads?source=" + source + "&createdFrom=" + today + "&createdTo=" + today))
                .isEqualTo(1);
        assertThat(total(admin, "/api/leads?source=" + source + "&createdFrom=" + tomorrow))
                .isZero();
    }

    @Test
    void pagesWalkEveryMatchingLeadOnceNewestFirst() {
        Api admin = as("admin");
        String source = unique("paging");
        for (int i = 0; i < 7; i++) {
            createLead(admin, map("email", i + "-" + source + "@x.io", "source", source));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page =
                    admin.get("/api/leads?size=3&source=" + source + (cursor == null ? "" : "&after=" + cursor));
            seen.addAll(emails(page));
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen.get(0)).startsWith("6-");
        assertThat(seen.get(6)).startsWith("0-");
    }

    @Test
    void customFieldValuesAreTypedAndChecked() {
        Api admin = as("admin");
        String key = "budget_" + unique("cf").replace("-", "_");
        Api.Response field = admin.post("/api/custom-fields", Map.of("key", key, "label", "Budget", "type", "NUMBER"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);

        JsonNode lead = createLead(admin, map("email", key + "@x.io", "custom", Map.of(key, "12,500.50")));
        assertThat(lead.get("custom").get(key).asDouble()).isEqualTo(12500.50);

        Api.Response bad = admin.post("/api/leads", map("email", key + "2@x.io", "custom", Map.of(key, "lots")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("custom." + key);

        Api.Response unknown =
                admin.post("/api/leads", map("email", key + "3@x.io", "custom", Map.of("nope_" + key, 1)));
        assertThat(unknown.status()).isEqualTo(400);
    }

    @Test
    void choiceFieldAcceptsOnlyItsOptionsAndKeepsTheirSpelling() {
        Api admin = as("admin");
        String key = "tier_" + unique("cf").replace("-", "_");
        admin.post(
                "/api/custom-fields",
                Map.of("key", key, "label", "Tier", "type", "CHOICE", "options", List.of("Gold", "Silver")));
        JsonNode lead = createLead(admin, map("email", key + "@x.io", "custom", Map.of(key, "gold")));
        assertThat(lead.get("custom").get(key).asString()).isEqualTo("Gold");
        assertThat(admin.post("/api/leads", map("email", key + "b@x.io", "custom", Map.of(key, "Bronze")))
                        .status())
                .isEqualTo(400);
    }

    private static long total(Api api, String path) {
        return api.get(path).json().get("total").asLong();
    }

    private static List<String> emails(Api.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<String> emails = new ArrayList<>();
        for (JsonNode item : page.json().get("items")) {
            emails.add(item.get("email").isNull() ? null : item.get("email").asString());
        }
        return emails;
    }
}
