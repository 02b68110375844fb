package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import dev.leadport.support.SignedInClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed-in sessions live in PostgreSQL and are written only when something in them changed, or once a minute. */
class SessionStoreTest extends ApiTestBase {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aSessionIsStoredAtSignInAndItsLastAccessIsWrittenAtMostOnceAMinute() throws Exception {
        user("sess-rep", "REP");
        SignedInClient browser = SignedInClient.signIn(port, "sess-rep", "sess-rep");
        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);
        long stored = lastAccess();

        Thread.sleep(20);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);
        }
        assertThat(lastAccess())
                .as("page views within the minute write nothing")
                .isEqualTo(stored);

        jdbc.sql(
                        "update spring_session set last_access_time = last_access_time - 61000 where principal_name = 'sess-rep'")
                .update();
        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);
        assertThat(lastAccess()).as("a minute later the access is written").isGreaterThan(stored - 61000);
    }

    @Test
    void httpBasicCallsStartNoSession() {
        long before = sessions();
        for (int i = 0; i < 3; i++) {
            assertThat(as("admin").get("/api/leads?size=1").status()).isEqualTo(200);
            assertThat(as("admin").get("/api/leads/import-export/template").status())
                    .isEqualTo(200);
        }
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void httpBasicOnPagesStartsNoSession() {
        long before = sessions();
        for (int i = 0; i < 3; i++) {
            Api.Response page = as("admin").getPage("/leads");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Set-Cookie")).isNull();
        }
        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aSessionThisVersionCannotReadAsksToSignInAgainInsteadOfFailing() throws Exception {
        user("sess-old", "REP");
        SignedInClient browser = SignedInClient.signIn(port, "sess-old", "sess-old");
        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);
        // As a session written by another version looks to this one.
        jdbc.sql("""
                        update spring_session_attributes set attribute_bytes = '\\xaced0005deadbeef'
                        where session_primary_id in (select primary_id from spring_session where principal_name = 'sess-old')
                        """).update();

        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(401);
        assertThat(SignedInClient.signIn(port, "sess-old", "sess-old")
                        .get("/api/leads?size=1")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void disablingOrDemotingAUserSignsThemOutEverywhereButAProfileEditDoesNot() throws Exception {
        long id = user("sess-demoted", "MANAGER");
        SignedInClient browser = SignedInClient.signIn(port, "sess-demoted", "sess-demoted");
        assertThat(browser.get("/api/leads?size=1").statusCode()).isEqualTo(200);

        assertThat(as("admin")
                        .put("/api/users/" + id, java.util.Map.of("role", "MANAGER", "displayName", "Still Mgr"))
                        .status())
                .isEqualTo(200);
        assertThat(browser.get("/api/leads?size=1").statusCode())
                .as("a name change keeps the session")
                .isEqualTo(200);

        assertThat(as("admin")
                        .put("/api/users/" + id, java.util.Map.of("role", "REP"))
                        .status())
                .isEqualTo(200);
        assertThat(browser.get("/api/leads?size=1").statusCode())
                .as("demoted: signed out")
                .isEqualTo(401);
    }

    @Test
    void anAnonymousPostStartsNoSession() {
        long before = sessions();
        for (int i = 0; i < 3; i++) {
            assertThat(anonymous()
                            .post("/api/leads", java.util.Map.of("email", "x@x.io"))
                            .status())
                    .isEqualTo(401);
        }
        assertThat(sessions()).isEqualTo(before);
    }

    private long lastAccess() {
        return jdbc.sql("select last_access_time from spring_session where principal_name = 'sess-rep'")
                .query(Long.class)
                .single();
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }
}
