package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

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

    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties(4, null, new SecurityProperties.LoginThrottleSettings(3, Duration.ofMinutes(10))),
            clock);

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
    void aSuccessfulSignInClearsTheCount() {
        throttle.failed("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        throttle.succeeded("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        throttle.failed("dan", "10.0.0.4");
        assertThat(throttle.waitFor("dan", "10.0.0.4")).isEmpty();
    }
}
