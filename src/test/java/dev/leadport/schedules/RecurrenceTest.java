package dev.leadport.schedules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void dailyRunAtATimeSkippedBySpringForwardRunsOnceRightAfterTheGap() {
        Recurrence daily = new Recurrence(Recurrence.Type.DAILY, LocalTime.of(2, 30), null, null, null);
        List<Instant> fires = fires(daily, Instant.parse("2026-03-27T12:00:00Z"), 4);
        assertThat(fires)
                .containsExactly(
                        Instant.parse("2026-03-28T01:30:00Z"), // 02:30 CET
                        Instant.parse("2026-03-29T01:30:00Z"), // 02:30 does not exist: 03:30 CEST
                        Instant.parse("2026-03-30T00:30:00Z"), // 02:30 CEST
                        Instant.parse("2026-03-31T00:30:00Z"));
    }

    @Test
    void dailyRunAtATimeThatFallBackRepeatsRunsOnlyOnce() {
        Recurrence daily = new Recurrence(Recurrence.Type.DAILY, LocalTime.of(2, 30), null, null, null);
        List<Instant> fires = fires(daily, Instant.parse("2026-10-24T12:00:00Z"), 3);
        assertThat(fires)
                .containsExactly(
                        Instant.parse("2026-10-25T00:30:00Z"), // the first 02:30 (CEST); the second (CET) is not run
                        Instant.parse("2026-10-26T01:30:00Z"),
                        Instant.parse("2026-10-27T01:30:00Z"));
        // A node that looks between the two 02:30s does not run the second one either.
        assertThat(daily.nextAfter(Instant.parse("2026-10-25T01:10:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void hourlyCronThroughBothChangesNeitherSkipsNorDoublesAWallClockHour() {
        Recurrence hourly = new Recurrence(Recurrence.Type.CRON, null, null, null, "0 * * * *");
        assertThat(fires(hourly, Instant.parse("2026-03-29T00:30:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-03-29T01:00:00Z"), // 02:00 does not exist: 03:00 CEST, once
                        Instant.parse("2026-03-29T02:00:00Z"),
                        Instant.parse("2026-03-29T03:00:00Z"));
        assertThat(fires(hourly, Instant.parse("2026-10-24T23:30:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-10-25T00:00:00Z"), // 02:00 CEST
                        Instant.parse("2026-10-25T02:00:00Z"), // 03:00 CET; the repeated 02:00 CET is not run again
                        Instant.parse("2026-10-25T03:00:00Z"));
    }

    @Test
    void weeklyRunsOnTheChosenDaysOnly() {
        Recurrence weekly = new Recurrence(
                Recurrence.Type.WEEKLY, LocalTime.of(7, 0), Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), null, null);
        // 2026-03-04 is a Wednesday.
        assertThat(fires(weekly, Instant.parse("2026-03-04T00:00:00Z"), 3))
                .containsExactly(
                        Instant.parse("2026-03-05T06:00:00Z"),
                        Instant.parse("2026-03-09T06:00:00Z"),
                        Instant.parse("2026-03-12T06:00:00Z"));
    }

    @Test
    void monthlyOnThe31stRunsOnTheLastDayOfShorterMonths() {
        Recurrence monthly = new Recurrence(Recurrence.Type.MONTHLY, LocalTime.of(23, 0), null, 31, null);
        assertThat(fires(monthly, Instant.parse("2026-01-15T00:00:00Z"), 4))
                .containsExactly(
                        Instant.parse("2026-01-31T22:00:00Z"),
                        Instant.parse("2026-02-28T22:00:00Z"),
                        Instant.parse("2026-03-31T21:00:00Z"),
                        Instant.parse("2026-04-30T21:00:00Z"));
    }

    @Test
    void invalidRecurrencesNameTheirField() {
        assertThat(new Recurrence(Recurrence.Type.WEEKLY, null, Set.of(), null, null).problems())
                .extracting(p -> p.field())
                .containsExactly("recurrence.time", "recurrence.days");
        assertThat(new Recurrence(Recurrence.Type.MONTHLY, LocalTime.NOON, null, 32, null).problems())
                .extracting(p -> p.field())
                .containsExactly("recurrence.dayOfMonth");
        assertThat(new Recurrence(Recurrence.Type.CRON, null, null, null, "every day").problems())
                .extracting(p -> p.field())
                .containsExactly("recurrence.cron");
        assertThat(new Recurrence(Recurrence.Type.CRON, null, null, null, "0 0 0 30 2 *").problems())
                .extracting(p -> p.message())
                .containsExactly("never fires");
    }

    private static List<Instant> fires(Recurrence recurrence, Instant from, int count) {
        List<Instant> fires = new ArrayList<>();
        Instant cursor = from;
        for (int i = 0; i < count; i++) {
            cursor = recurrence.nextAfter(cursor, BERLIN);
            fires.add(cursor);
        }
        return fires;
    }
}
