package dev.leadport.schedules;

import dev.leadport.shared.ConflictException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What keeps schedules from being a way to flood storage or mailboxes: a recurrence may not run more often than
 * {@code leadport.schedules.min-interval} (each run stores a file for weeks and may mail it), one user owns at most
 * {@code max-per-user} schedules, and a REP may mail only their own address or the organisation's domains and may
 * deliver by SFTP or HTTPS only to the hosts of {@code rep-destination-hosts} (none by default).
 */
@Component
class ScheduleLimits {

    /** Fire times looked at to find a recurrence's shortest gap: enough to cover any cron's pattern within a day. */
    private static final int FIRES_CHECKED = 1500;

    private final SchedulesProperties properties;
    private final ScheduleRepository repository;
    private final Users users;

    ScheduleLimits(SchedulesProperties properties, ScheduleRepository repository, Users users) {
        this.properties = properties;
        this.repository = repository;
        this.users = users;
    }

    void check(ScheduleService.Checked schedule, CurrentUser user, Instant now, boolean creating) {
        if (creating && repository.list(user.id()).size() >= properties.maxPerUser()) {
            throw new ConflictException(
                    "name",
                    "You own " + properties.maxPerUser() + " schedules, the most one user may have; delete or change"
                            + " one instead.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Duration gap = shortestGap(schedule, now);
        if (gap != null && gap.compareTo(properties.minInterval()) < 0) {
            problems.add(new FieldProblem(
                    "recurrence",
                    "runs every " + describe(gap) + "; schedules may run at most once every "
                            + describe(properties.minInterval())));
        }
        if (!user.seesAllLeads()) {
            recipientsOfARep(schedule.recipients(), user, problems);
            if (schedule.destination() != null) {
                destinationOfARep(schedule.destination().destination(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static Duration shortestGap(ScheduleService.Checked schedule, Instant now) {
        Duration shortest = null;
        Instant previous = schedule.recurrence().nextAfter(now, schedule.zone());
        for (int i = 0; previous != null && i < FIRES_CHECKED; i++) {
            Instant next = schedule.recurrence().nextAfter(previous, schedule.zone());
            if (next == null) {
                break;
            }
            Duration gap = Duration.between(previous, next);
            shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
            previous = next;
        }
        return shortest;
    }

    private void recipientsOfARep(List<String> recipients, CurrentUser user, List<FieldProblem> problems) {
        String own = users.find(user.id()).map(UserAccount::email).orElse(null);
        List<String> domains = properties.repRecipientDomains().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .toList();
        for (int i = 0; i < recipients.size(); i++) {
            String address = recipients.get(i).toLowerCase(Locale.ROOT);
            String domain = address.substring(address.lastIndexOf('@') + 1);
            boolean allowedDomain = domains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
            if (!address.equalsIgnoreCase(own) && !allowedDomain) {
                problems.add(new FieldProblem(
                        "recipients[" + i + "]",
                        domains.isEmpty()
                                ? "a REP may send scheduled exports only to their own address"
                                        + (own == null ? " (set one in your profile)" : " (" + own + ")")
                                : "a REP may send scheduled exports only to their own address or to " + domains));
            }
        }
    }

    private void destinationOfARep(Destination destination, List<FieldProblem> problems) {
        List<String> hosts = properties.repDestinationHosts().stream()
                .map(d -> d.strip().toLowerCase(Locale.ROOT))
                .toList();
        String host = destination.targetHost().toLowerCase(Locale.ROOT);
        if (hosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            problems.add(new FieldProblem(
                    destination.type() == Destination.Type.SFTP ? "destination.host" : "destination.url",
                    hosts.isEmpty()
                            ? "a REP may not deliver scheduled exports by " + destination.type()
                                    + "; ask a manager, or an admin to allow hosts (leadport.schedules.rep-destination-hosts)"
                            : "a REP may deliver scheduled exports only to " + hosts));
        }
    }

    private static String describe(Duration d) {
        if (d.toHours() > 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
            return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        }
        return d.toSeconds() == 1 ? "second" : d.toSeconds() + " seconds";
    }
}
