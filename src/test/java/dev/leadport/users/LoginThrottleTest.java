package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** One database for the class: the counts live in PostgreSQL, shared by every node. */
    private static final JdbcClient JDBC = JdbcClient.create(new DriverManagerDataSource(
            TestDatabase.freshDatabaseUrl(), TestDatabase.server().user(), ""));

    private final LoginThrottle throttle = node();

    /** A node's throttle: each call makes another, as a second node on the same database would have. */
    private LoginThrottle node() {
        return new LoginThrottle(
                JDBC,
                new SecurityProperties(
                        4, null, new SecurityProperties.LoginThrottleSettings(3, Duration.ofMinutes(10), 8)),
                clock);
    }

    @Test
    void theTryAfterTheLastAllowedFailureWaitsUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.waitFor("Ann", "10.0.0.1")).isEmpty();
            throttle.failed("ann", "10.0.0.1");
            now = now.plusSeconds(60);
        }
        assertThat(throttle.waitFor(" ANN ", "10.0.0.1")).contains(Duration.ofMinutes(7));
        now = now.plus(Duration.ofMinutes(7));
        assertThat(throttle.waitFor("ann", "10.0.0.1")).isEmpty();
    }

    @Test
    void otherAddressesAndOtherUsersAreNotHeldBack() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("bob", "10.0.0.2");
        }
        assertThat(throttle.waitFor("bob", "10.0.0.2")).isPresent();
        assertThat(throttle.waitFor("bob", "10.0.0.3")).isEmpty();
        assertThat(throttle.waitFor("carol", "10.0.0.2")).isEmpty();
    }

    @Test
    void failuresCountedOnOneNodeHoldTheGuesserBackOnAnother() {
        LoginThrottle other = node();
        throttle.failed("erin", "10.0.0.5");
        other.failed("erin", "10.0.0.5");
        throttle.failed("erin", "10.0.0.5");
        assertThat(other.waitFor("erin", "10.0.0.5")).contains(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("erin", "10.0.0.5")).contains(Duration.ofMinutes(10));
    }

    @Test
    void endedWindowsAreForgottenAndTheirRowsDeleted() {
        throttle.failed("fay", "10.0.0.6");
        throttle.failed("fay", "10.0.0.6");
        throttle.failed("fay", "10.0.0.6");
        now = now.plus(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("fay", "10.0.0.6")).isEmpty();
        throttle.failed("gus", "10.0.0.7");
        assertThat(JDBC.sql("select count(*) from login_failure where key = 'name:fay|10.0.0.6'")
                        .query(Long.class)
                        .single())
                .isZero();
        throttle.failed("fay", "10.0.0.6");
        assertThat(throttle.waitFor("fay", "10.0.0.6")).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsTheCount() {
        throttle.failed("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        throttle.succeeded("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        assertThat(throttle.waitFor("dan", "10.0.0.4")).isEmpty();
    }

    @Test
    void anAccountsUsernameAndEmailShareOneAllowance() {
        JDBC.sql("""
                        insert into app_user (username, email, display_name, password_hash, role)
                        values ('victim', 'Victim@Example.com', 'Victim', 'x', 'REP')
                        """).update();
        throttle.failed("victim", "10.0.0.8");
        throttle.failed("victim@example.com", "10.0.0.8");
        throttle.failed("VICTIM", "10.0.0.8");
        assertThat(throttle.waitFor("victim@example.com", "10.0.0.8")).isPresent();
        assertThat(throttle.waitFor("victim", "10.0.0.8")).isPresent();
    }

    @Test
    void oneAddressTryingManyNamesIsHeldBackAfterItsOwnAllowance() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("guess" + i, "10.0.0.9");
        }
        assertThat(throttle.waitFor("someone-else", "10.0.0.9")).contains(Duration.ofMinutes(10));
        assertThat(throttle.waitFor("someone-else", "10.0.0.10")).isEmpty();
    }
}
