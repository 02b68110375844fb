package dev.leadport.schedules;

import dev.leadport.shared.InvalidInputException.FieldProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule fires: daily, weekly on chosen days, monthly on a day (the month's last day when shorter), or a
 * cron expression; always at a wall-clock time in the schedule's zone.
 *
 * <p>Fire times are found on the wall clock and only then placed in the zone, so a daylight-saving change neither
 * skips nor doubles a run: a time that does not exist that day (spring forward) runs at the first valid instant
 * after the gap, and a time that exists twice (fall back) runs once, at its first occurrence.
 *
 * @param days the weekdays of a WEEKLY recurrence
 * @param dayOfMonth 1 to 31 for MONTHLY
 * @param cron six fields (second first) or the five of Unix cron, e.g. {@code 0 6 * * MON-FRI}
 */
record Recurrence(Type type, LocalTime time, Set<DayOfWeek> days, Integer dayOfMonth, String cron) {

    enum Type {
        DAILY,
        WEEKLY,
        MONTHLY,
        CRON
    }

    Recurrence {
        days = days == null ? Set.of() : Set.copyOf(days);
        cron = cron == null || cron.isBlank() ? null : cron.strip();
    }

    /** What is wrong with this recurrence, by field name under {@code recurrence}. */
    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == null) {
            problems.add(new FieldProblem("recurrence.type", "must be one of " + List.of(Type.values())));
            return problems;
        }
        if (type != Type.CRON && time == null) {
            problems.add(new FieldProblem("recurrence.time", "is required (HH:mm)"));
        }
        if (type == Type.WEEKLY && days.isEmpty()) {
            problems.add(new FieldProblem("recurrence.days", "name at least one weekday, e.g. MONDAY"));
        }
        if (type == Type.MONTHLY && (dayOfMonth == null || dayOfMonth < 1 || dayOfMonth > 31)) {
            problems.add(new FieldProblem("recurrence.dayOfMonth", "must be between 1 and 31"));
        }
        if (type == Type.CRON) {
            if (cron == null) {
                problems.add(new FieldProblem("recurrence.cron", "is required for a CRON recurrence"));
            } else {
                try {
                    CronExpression expression = CronExpression.parse(sixFields(cron));
                    if (expression.next(LocalDateTime.of(2000, 1, 1, 0, 0)) == null) {
                        problems.add(new FieldProblem("recurrence.cron", "never fires"));
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(
                            new FieldProblem("recurrence.cron", "is not a valid cron expression: " + e.getMessage()));
                }
            }
        }
        return problems;
    }

    /** The first fire instant strictly after {@code after}. */
    Instant nextAfter(Instant after, ZoneId zone) {
        LocalDateTime cursor = after.atZone(zone).toLocalDateTime();
        // Two wall-clock slots can land on one instant around a gap; step past until the instant moves on.
        for (int i = 0; i < 1000; i++) {
            LocalDateTime local = nextLocal(cursor);
            if (local == null) {
                return null;
            }
            Instant candidate = ZonedDateTime.of(local, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            cursor = local;
        }
        throw new IllegalStateException("No fire time found after " + after + " for " + this);
    }

    /** The first wall-clock time strictly after the cursor that matches, ignoring zones. */
    private LocalDateTime nextLocal(LocalDateTime cursor) {
        if (type == Type.CRON) {
            return CronExpression.parse(sixFields(cron)).next(cursor);
        }
        LocalDate date = cursor.toLocalDate();
        if (!matches(date) || !time.isAfter(cursor.toLocalTime())) {
            date = date.plusDays(1);
            while (!matches(date)) {
                date = date.plusDays(1);
            }
        }
        return date.atTime(time);
    }

    private boolean matches(LocalDate date) {
        return switch (type) {
            case DAILY -> true;
            case WEEKLY -> days.contains(date.getDayOfWeek());
            case MONTHLY -> date.getDayOfMonth() == Math.min(dayOfMonth, date.lengthOfMonth());
            case CRON -> throw new IllegalStateException();
        };
    }

    private static String sixFields(String cron) {
        return cron.trim().split("\\s+").length == 5 ? "0 " + cron.trim() : cron.trim();
    }
}
