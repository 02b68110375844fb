package dev.leadport.notifications;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.leadport.support.ApiTestBase;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One application context for the tests that need a real SMTP server (GreenMail, in this JVM) and a clock they can
 * move: the job engine reads the same clock, so moving it makes schedules and retries come due.
 */
@Import(MailAndClockTestBase.TestClock.class)
public abstract class MailAndClockTestBase extends ApiTestBase {

    protected static final int SMTP_PORT = freePort();
    protected static final GreenMail MAIL = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    static {
        MAIL.start();
    }

    @Autowired
    protected MutableClock clock;

    @Autowired
    private Scheduler scheduler;

    @DynamicPropertySource
    static void mailAndTimings(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("leadport.notifications.base-url", () -> "https://leadport.example.com/");
        registry.add("leadport.notifications.retry-backoff", () -> "1s");
        registry.add("leadport.schedules.retry-backoff", () -> "1s");
        registry.add("leadport.schedules.max-attempts", () -> "2");
        registry.add("leadport.schedules.max-attachment-bytes", () -> "2KB");
        // The clock jumps years ahead in these tests; keep the log's retention purge out of the way.
        registry.add("leadport.activity.retention", () -> "36500d");
    }

    @AfterEach
    void backToRealTime() {
        clock.followRealTime();
        scheduler.triggerCheckForDueExecutions();
    }

    /**
     * Moves the clock and wakes the job engine: it waits for its polling interval on this clock, and after a jump
     * backwards it would otherwise wait until the clock caught up again.
     */
    protected void moveClockTo(Instant instant) {
        clock.set(instant);
        scheduler.triggerCheckForDueExecutions();
    }

    protected void advanceClock(Duration duration) {
        clock.advance(duration);
        scheduler.triggerCheckForDueExecutions();
    }

    protected static MimeMessage[] mailsTo(String domain) {
        return MAIL.getReceivedMessagesForDomain(domain);
    }

    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        Awaitility.await(what)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(50))
                .pollInSameThread()
                .until(condition::getAsBoolean);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A clock that follows real time until a test sets it; from then on it keeps ticking from the time set. (The job
     * engine waits for its polling interval on this clock, so a stopped clock would stop it polling.)
     */
    public static final class MutableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void set(Instant instant) {
            offset = Duration.between(Instant.now(), instant);
        }

        public void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        public void followRealTime() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }
}
