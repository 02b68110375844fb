package dev.leadport.users;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.notifications.MailAndClockTestBase;
import dev.leadport.support.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Personal API tokens through the HTTP API: shown once, stored as a hash, scoped, revocable, expiring, audited. */
class ApiTokenTest extends MailAndClockTestBase {

    private static final String IE = "/api/leads/import-export";

    @Autowired
    JdbcClient jdbc;

    private JsonNode create(Api api, String name, List<String> scopes, Integer days) {
        Map<String, Object> body = map("name", name, "scopes", scopes);
        if (days != null) {
            body.put("expiresInDays", days);
        }
        Api.Response created = api.post("/api/tokens", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    @Test
    void theSecretIsShownOnceAndTheDatabaseHoldsOnlyItsHash() throws Exception {
        String name = unique("hash");
        JsonNode created = create(as("manager"), name, List.of("READ"), null);
        String secret = created.get("secret").asString();
        assertThat(secret).startsWith("lp_").hasSize(3 + 43);
        long id = created.get("token").get("id").asLong();
        assertThat(created.get("token").get("hint").asString()).isEqualTo(secret.substring(0, 9) + "…");

        String listed = as("manager").get("/api/tokens").body();
        assertThat(listed).contains(name).doesNotContain(secret);

        String row = jdbc.sql("select row_to_json(t)::text from api_token t where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(row).doesNotContain(secret).doesNotContain(secret.substring(9));
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        assertThat(row).contains("\"token_hash\":\"" + hash + "\"");
    }

    @Test
    void aTokenSignsInAsItsUserWithoutPasswordSessionOrCsrfToken() {
        user("tokrep", "REP");
        String secret = create(as("tokrep"), unique("script"), List.of("READ", "BULK"), 7)
                .get("secret")
                .asString();
        Api script = Api.bearer(port, secret);

        Api.Response me = script.get("/api/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo("tokrep");
        assertThat(me.header("Set-Cookie")).isNull();

        Api.Response lead = script.post("/api/leads", map("email", unique("tok") + "@x.io"));
        assertThat(lead.status()).as(lead.toString()).isEqualTo(201);
        assertThat(lead.header("Set-Cookie")).isNull();
        // The REP's own rule still holds: the lead is theirs, whatever the token.
        assertThat(lead.json().get("ownerId").asLong()).isEqualTo(userId("tokrep"));

        JsonNode listed = as("tokrep").get("/api/tokens").json().get(0);
        assertThat(listed.get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.get("lastUsedAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(listed.get("state").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void revokedExpiredAndUnknownTokensAreRefusedWith401ProblemJson() {
        Api manager = as("manager");
        JsonNode revokedToken = create(manager, unique("revoked"), List.of("READ"), 30);
        Api revoked = Api.bearer(port, revokedToken.get("secret").asString());
        assertThat(revoked.get("/api/leads").status()).isEqualTo(200);
        Api.Response revocation = manager.delete(
                "/api/tokens/" + revokedToken.get("token").get("id").asLong());
        assertThat(revocation.status()).isEqualTo(200);
        assertThat(revocation.json().get("state").asString()).isEqualTo("REVOKED");
        assertRefused(revoked.get("/api/leads"));

        Api expiring = Api.bearer(
                port,
                create(manager, unique("expiring"), List.of("READ"), 30)
                        .get("secret")
                        .asString());
        assertThat(expiring.get("/api/leads").status()).isEqualTo(200);
        advanceClock(Duration.ofDays(30).plusMinutes(1));
        assertRefused(expiring.get("/api/leads"));

        assertRefused(Api.bearer(port, "lp_" + "A".repeat(43)).get("/api/leads"));
        assertRefused(Api.bearer(port, "not-a-token").post("/api/leads", map("email", unique("x") + "@x.io")));
    }

    @Test
    void aDisabledUsersTokensOpenNothing() {
        long id = user("tokgone", "REP");
        Api script = Api.bearer(
                port,
                create(as("tokgone"), unique("gone"), List.of("READ"), null)
                        .get("secret")
                        .asString());
        assertThat(script.get("/api/leads").status()).isEqualTo(200);
        assertThat(as("admin").put("/api/users/" + id, map("enabled", false)).status())
                .isEqualTo(200);
        try {
            assertRefused(script.get("/api/leads"));
        } finally {
            as("admin").put("/api/users/" + id, map("enabled", true));
        }
    }

    @Test
    void aTokenNeverGetsMoreThanItsUsersRoleAllows() {
        Api.Response refused = as("manager").post("/api/tokens", map("name", "too much", "scopes", List.of("ADMIN")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("scopes").contains("ADMIN");
        assertThat(as("manager")
                        .post("/api/tokens", map("name", "x", "scopes", List.of()))
                        .status())
                .isEqualTo(400);
        assertThat(as("manager")
                        .post("/api/tokens", map("name", "x", "scopes", List.of("READ"), "expiresInDays", 5000))
                        .status())
                .isEqualTo(400);

        // An ADMIN demoted later keeps a token whose ADMIN scope no longer counts: the role decides.
        long id = user("tokadmin", "ADMIN");
        Api script = Api.bearer(
                port,
                create(as("tokadmin"), unique("adm"), List.of("READ", "ADMIN"), null)
                        .get("secret")
                        .asString());
        Map<String, Object> field = map("key", "f" + unique("t").replace("-", ""), "label", "T", "type", "TEXT");
        assertThat(script.post("/api/custom-fields", field).status()).isEqualTo(201);
        assertThat(as("admin").put("/api/users/" + id, map("role", "MANAGER")).status())
                .isEqualTo(200);
        field.put("key", "f" + unique("t").replace("-", ""));
        assertThat(script.post("/api/custom-fields", field).status()).isEqualTo(403);
    }

    @Test
    void aTokenCannotCreateOrRevokeTokens() {
        JsonNode token = create(as("admin"), unique("all"), List.of("READ", "IMPORT", "EXPORT", "BULK", "ADMIN"), null);
        Api script = Api.bearer(port, token.get("secret").asString());
        Api.Response more = script.post("/api/tokens", map("name", "more", "scopes", List.of("READ")));
        assertThat(more.status()).isEqualTo(403);
        assertThat(more.contentType()).startsWith("application/problem+json");
        assertThat(script.delete("/api/tokens/" + token.get("token").get("id").asLong())
                        .status())
                .isEqualTo(403);
        assertThat(script.get("/api/tokens").status()).isEqualTo(403);
        assertThat(script.get("/api/leads").status()).isEqualTo(200);
    }

    @Test
    void creationUseFromANewAddressAndRevocationAreInTheAuditTrail() {
        String name = unique("audited");
        JsonNode token = create(as("manager"), name, List.of("READ"), null);
        Api script = Api.bearer(port, token.get("secret").asString());
        script.get("/api/leads");
        script.get("/api/leads");
        as("manager").delete("/api/tokens/" + token.get("token").get("id").asLong());

        JsonNode items = as("admin").get(IE + "/activity?q=" + name).json().get("items");
        List<String> types =
                items.valueStream().map(i -> i.get("type").asString()).sorted().toList();
        assertThat(types).containsExactly("API_TOKEN_CREATED", "API_TOKEN_NEW_ADDRESS", "API_TOKEN_REVOKED");
        for (JsonNode item : items) {
            assertThat(item.get("actorUsername").asString()).isEqualTo("manager");
            assertThat(item.toString()).doesNotContain(token.get("secret").asString());
        }
    }

    @Test
    void aTokenCallLackingTheScopeIsRefusedAndAudited() {
        Api script = Api.bearer(
                port,
                create(as("manager"), unique("ro"), List.of("READ"), null)
                        .get("secret")
                        .asString());
        String email = unique("noscope") + "@x.io";
        Api.Response refused = script.post("/api/leads", map("email", email));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("detail").asString()).contains("BULK");
        assertThat(as("manager").get("/api/leads?q=" + email).json().get("items"))
                .isEmpty();
        JsonNode denied = as("admin")
                .get(IE + "/activity?type=ACCESS_DENIED&user=manager")
                .json()
                .get("items");
        assertThat(denied.valueStream().anyMatch(i -> i.toString().contains("lacks the scope BULK")))
                .isTrue();
    }

    @Test
    void settingsOffersOnlyTheScopesTheRoleMayGive() {
        String rep = as("rep").getPage("/settings").body();
        String scope = "class=\"token-scope\"\\s+value=\"%s\"";
        assertThat(rep)
                .contains("id=\"tokens-table\"")
                .containsPattern(scope.formatted("BULK"))
                .doesNotContainPattern(scope.formatted("ADMIN"));
        assertThat(as("admin").getPage("/settings").body()).containsPattern(scope.formatted("ADMIN"));
    }

    private static void assertRefused(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
