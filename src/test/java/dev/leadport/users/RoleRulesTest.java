package dev.leadport.users;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RoleRulesTest extends ApiTestBase {

    @Test
    void unauthenticatedApiCallGets401ProblemJson() {
        Api.Response response = anonymous().get("/api/leads");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void wrongPasswordGets401() {
        assertThat(new Api(port, "admin", "nope").get("/api/leads").status()).isEqualTo(401);
    }

    @Test
    void repSeesOnlyOwnLeadsAndCannotReadAnotherRepsLead() {
        user("rep2", "REP");
        String source = unique("roles");
        long mine = createLead(as("rep"), map("email", "mine-" + source + "@x.io", "source", source))
                .get("id")
                .asLong();
        long theirs = createLead(as("rep2"), map("email", "theirs-" + source + "@x.io", "source", source))
                .get("id")
                .asLong();

        JsonNode repView = as("rep").get("/api/leads?source=" + source).json();
        assertThat(repView.get("total").asLong()).isEqualTo(1);
        assertThat(repView.get("items").get(0).get("id").asLong()).isEqualTo(mine);
        assertThat(as("manager")
                        .get("/api/leads?source=" + source)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);

        Api.Response forbidden = as("rep").get("/api/leads/" + theirs);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
    }

    @Test
    void repCannotChangeOrDeleteAnotherRepsLead() {
        user("rep2", "REP");
        String email = unique("other") + "@x.io";
        long theirs = createLead(as("rep2"), map("email", email)).get("id").asLong();
        assertThat(as("rep").delete("/api/leads/" + theirs).status()).isEqualTo(403);
        assertThat(as("rep").put("/api/leads/" + theirs, map("email", email)).status())
                .isEqualTo(403);
        assertThat(as("rep2").get("/api/leads/" + theirs).status()).isEqualTo(200);
    }

    @Test
    void repCannotGiveALeadToSomeoneElse() {
        Api.Response response =
                as("rep").post("/api/leads", map("email", unique("give") + "@x.io", "ownerId", userId("manager")));
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void onlyAdminManagesUsersAndCustomFields() {
        Map<String, Object> newUser = Map.of("username", unique("u"), "password", "secret", "role", "REP");
        assertThat(as("manager").post("/api/users", newUser).status()).isEqualTo(403);
        assertThat(as("rep").post("/api/users", newUser).status()).isEqualTo(403);
        assertThat(as("admin").post("/api/users", newUser).status()).isEqualTo(201);

        Map<String, Object> field = Map.of("key", "f" + unique("x").replace("-", ""), "label", "F", "type", "TEXT");
        assertThat(as("manager").post("/api/custom-fields", field).status()).isEqualTo(403);
        Api.Response repTry = as("rep").post("/api/custom-fields", field);
        assertThat(repTry.status()).isEqualTo(403);
        assertThat(repTry.contentType()).startsWith("application/problem+json");
        assertThat(as("admin").post("/api/custom-fields", field).status()).isEqualTo(201);
    }

    @Test
    void sessionCallsWithoutCsrfTokenAreRefused() {
        // A browser session (cookie, no Authorization header) must show the CSRF token to change anything.
        Api.Response response = anonymous().postRaw("/api/leads", "application/json", "{\"email\":\"x@y.io\"}");
        assertThat(response.status()).isIn(401, 403);
    }
}
