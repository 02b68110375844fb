package dev.leadport.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Base for API tests: clients for the demo users and helpers that make test data through the API. */
@IntegrationTest
public abstract class ApiTestBase {

    @LocalServerPort
    protected int port;

    /** A client signed in as the user whose password equals its name (the demo users and test users). */
    protected Api as(String user) {
        return new Api(port, user, user);
    }

    protected Api anonymous() {
        return new Api(port, null, null);
    }

    /** Makes sure a user exists (password = username) and returns its id. */
    protected long user(String username, String role) {
        Api admin = as("admin");
        Api.Response existing = admin.get("/api/users");
        for (JsonNode u : existing.json()) {
            if (u.get("username").asString().equals(username)) {
                return u.get("id").asLong();
            }
        }
        Api.Response created =
                admin.post("/api/users", Map.of("username", username, "password", username, "role", role));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    protected long userId(String username) {
        for (JsonNode u : as("admin").get("/api/users").json()) {
            if (u.get("username").asString().equals(username)) {
                return u.get("id").asLong();
            }
        }
        throw new IllegalArgumentException(username);
    }

    /** A tag unique to one test, to put in a lead's source and find exactly that test's leads again. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates {@code n} leads with source {@code tag} and emails {@code tag-0@x.io} ...; returns their ids. */
    protected List<Long> createTaggedLeads(Api api, String tag, int n) {
        List<Long> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(createLead(api, Api.map("email", tag + "-" + i + "@x.io", "source", tag))
                    .get("id")
                    .asLong());
        }
        return ids;
    }

    protected JsonNode createLead(Api api, Map<String, Object> lead) {
        Api.Response response = api.post("/api/leads", lead);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }
}
