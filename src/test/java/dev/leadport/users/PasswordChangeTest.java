package dev.leadport.users;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import dev.leadport.support.SignedInClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PasswordChangeTest extends ApiTestBase {

    @Test
    void changingYourOwnPasswordNeedsTheCurrentOneAndTheRulesOfANewUsersPassword() {
        String name = unique("pw-rules");
        user(name, "REP");
        Api me = as(name);
        assertThat(fields(me.put("/api/users/me/password", map("currentPassword", "wrong", "newPassword", "secret2"))))
                .containsExactly("currentPassword: is not your current password");
        assertThat(fields(me.put("/api/users/me/password", map("newPassword", "secret2"))))
                .containsExactly("currentPassword: enter your current password");
        assertThat(fields(me.put("/api/users/me/password", map("currentPassword", name, "newPassword", "abc"))))
                .containsExactly("newPassword: must be 4 to 200 characters long");
        assertThat(fields(me.put("/api/users/me/password", map("currentPassword", name, "newPassword", name))))
                .containsExactly("newPassword: is your current password; choose a new one");
        assertThat(new Api(port, name, name).get("/api/users/me").status())
                .as("a refused change leaves the password as it was")
                .isEqualTo(200);
    }

    @Test
    void aChangedPasswordSignsInTheOldOneNoLongerAndOtherSessionsEnd() throws Exception {
        String name = unique("pw-own");
        user(name, "REP");
        SignedInClient otherBrowser = SignedInClient.signIn(port, name, name);
        assertThat(otherBrowser.get("/api/leads?size=1").statusCode()).isEqualTo(200);

        Api.Response changed =
                as(name).put("/api/users/me/password", map("currentPassword", name, "newPassword", "new-secret-1"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(new Api(port, name, name).get("/api/users/me").status()).isEqualTo(401);
        assertThat(new Api(port, name, "new-secret-1").get("/api/users/me").status())
                .isEqualTo(200);
        assertThat(otherBrowser.get("/api/leads?size=1").statusCode())
                .as("the other session was signed out")
                .isEqualTo(401);
        String audit = as("admin")
                .get("/api/leads/import-export/activity?q=" + name + "&size=50")
                .json()
                .toString();
        assertThat(audit)
                .contains("\"type\":\"USER_UPDATED\"")
                .contains("\"passwordChanged\":true")
                .doesNotContain("new-secret-1");
    }

    @Test
    void anAdminResetsAnotherUsersPasswordAndEndsTheirSessionsWhileOthersMayNot() throws Exception {
        String name = unique("pw-reset");
        long id = user(name, "MANAGER");
        SignedInClient browser = SignedInClient.signIn(port, name, name);
        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);

        assertThat(as("manager")
                        .put("/api/users/" + id + "/password", map("newPassword", "taken-over"))
                        .status())
                .isEqualTo(403);
        assertThat(fields(as("admin").put("/api/users/" + id + "/password", map("newPassword", ""))))
                .containsExactly("newPassword: enter a new password");
        Api.Response reset = as("admin").put("/api/users/" + id + "/password", map("newPassword", "fresh-start"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);

        assertThat(browser.get("/api/leads?size=1").statusCode())
                .as("the user's session was ended")
                .isEqualTo(401);
        assertThat(SignedInClient.signIn(port, name, "fresh-start")
                        .get("/api/leads?size=1")
                        .statusCode())
                .isEqualTo(200);
        assertThat(as("admin")
                        .put("/api/users/999999/password", map("newPassword", "whatever"))
                        .status())
                .isEqualTo(404);
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> result = new ArrayList<>();
        for (JsonNode e : response.json().get("errors")) {
            result.add(e.get("field").asString() + ": " + e.get("message").asString());
        }
        return result;
    }
}
