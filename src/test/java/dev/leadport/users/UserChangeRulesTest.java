package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PUT /api/users/{id} changes only what it names, and never leaves the product without an enabled admin. */
class UserChangeRulesTest extends ApiTestBase {

    @Test
    void omittedFieldsKeepTheirValuesAndAnEmptyEmailClearsIt() {
        String name = unique("partial");
        Api admin = as("admin");
        long id = admin.post(
                        "/api/users",
                        Map.of("username", name, "email", name + "@x.io", "password", name, "role", "REP"))
                .json()
                .get("id")
                .asLong();
        assertThat(admin.put("/api/users/" + id, Map.of("enabled", false)).status())
                .isEqualTo(200);

        Api.Response renamed = admin.put("/api/users/" + id, Map.of("displayName", "Renamed"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode user = renamed.json();
        assertThat(user.get("displayName").asString()).isEqualTo("Renamed");
        assertThat(user.get("enabled").asBoolean())
                .as("omitted enabled stays false")
                .isFalse();
        assertThat(user.get("email").asString()).as("omitted email stays").isEqualTo(name + "@x.io");
        assertThat(user.get("role").asString()).isEqualTo("REP");

        JsonNode cleared = admin.put("/api/users/" + id, Map.of("email", "")).json();
        assertThat(cleared.get("email").isNull()).isTrue();
        assertThat(cleared.get("enabled").asBoolean()).isFalse();
    }

    @Test
    void theLastEnabledAdminCannotDemoteOrDisableThemselves() {
        Api admin = as("admin");
        long self = userId("admin");
        List<Long> otherAdmins = new ArrayList<>();
        for (JsonNode u : admin.get("/api/users").json()) {
            if (u.get("role").asString().equals("ADMIN")
                    && u.get("enabled").asBoolean()
                    && u.get("id").asLong() != self) {
                otherAdmins.add(u.get("id").asLong());
            }
        }
        try {
            for (long other : otherAdmins) {
                assertThat(admin.put("/api/users/" + other, Map.of("role", "MANAGER"))
                                .status())
                        .isEqualTo(200);
            }
            for (Map<String, Object> change : List.<Map<String, Object>>of(
                    Map.of("role", "MANAGER", "enabled", false), Map.of("role", "REP"), Map.of("enabled", false))) {
                Api.Response refused = admin.put("/api/users/" + self, change);
                assertThat(refused.status())
                        .as("%s: %s", change, refused.body())
                        .isEqualTo(409);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.json().get("detail").asString()).contains("last enabled admin");
            }
            JsonNode me = admin.get("/api/users/me").json();
            assertThat(me.get("role").asString()).isEqualTo("ADMIN");
            assertThat(me.get("enabled").asBoolean()).isTrue();

            String second = unique("admin2");
            long secondId = admin.post("/api/users", Map.of("username", second, "password", second, "role", "ADMIN"))
                    .json()
                    .get("id")
                    .asLong();
            assertThat(as(second)
                            .put("/api/users/" + self, Map.of("role", "MANAGER"))
                            .status())
                    .as("with another enabled admin the change is allowed")
                    .isEqualTo(200);
            assertThat(as(second)
                            .put("/api/users/" + secondId, Map.of("enabled", false))
                            .status())
                    .isEqualTo(409);
            assertThat(as(second)
                            .put("/api/users/" + self, Map.of("role", "ADMIN"))
                            .status())
                    .isEqualTo(200);
            assertThat(admin.put("/api/users/" + secondId, Map.of("role", "REP"))
                            .status())
                    .isEqualTo(200);
        } finally {
            for (long other : otherAdmins) {
                admin.put("/api/users/" + other, Map.of("role", "ADMIN"));
            }
        }
    }
}
