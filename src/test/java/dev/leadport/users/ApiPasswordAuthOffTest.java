package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import dev.leadport.support.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With password sign-in on the API turned off (as in prod), scripts must use personal API tokens. */
@TestPropertySource(properties = "leadport.security.api.password-auth=false")
class ApiPasswordAuthOffTest extends ApiTestBase {

    @Test
    void theApiRefusesPasswordsButTakesTokensAndTheBrowsersSession() throws Exception {
        Api.Response basic = as("manager").get("/api/leads");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.contentType()).startsWith("application/problem+json");
        assertThat(basic.json().get("detail").asString()).contains("personal API token");

        // The token is made in the browser, signed in with the password on the sign-in page.
        SignedInClient browser = SignedInClient.signIn(port, "manager", "manager");
        var created = browser.postJson("/api/tokens", "{\"name\":\"script\",\"scopes\":[\"READ\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Api script =
                Api.bearer(port, Api.JSON.readTree(created.body()).get("secret").asString());
        assertThat(script.get("/api/leads").status()).isEqualTo(200);
    }
}
