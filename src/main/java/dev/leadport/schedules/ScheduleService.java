package dev.leadport.schedules;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.leadport.exports.ExportFormat;
import dev.leadport.leads.CustomFields;
import dev.leadport.leads.LeadField;
import dev.leadport.leads.LeadFilter;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes, pauses and deletes export schedules, keeping each active schedule's one job-engine execution
 * at its next fire time (in the same transaction as the schedule row).
 */
@Service
class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_RECIPIENTS = 50;
    static final int MAX_FIELDS = 200;

    private final ScheduleRepository repository;
    private final SchedulerClient scheduler;
    private final CustomTask<Instant> task;
    private final CustomFields customFields;
    private final Clock clock;
    private final ScheduleLimits limits;
    private final DestinationRules destinations;

    ScheduleService(
            ScheduleRepository repository,
            SchedulerClient scheduler,
            CustomTask<Instant> scheduledExportTask,
            CustomFields customFields,
            Clock clock,
            ScheduleLimits limits,
            DestinationRules destinations) {
        this.limits = limits;
        this.destinations = destinations;
        this.repository = repository;
        this.scheduler = scheduler;
        this.task = scheduledExportTask;
        this.customFields = customFields;
        this.clock = clock;
    }

    /** What the API sends to create or change a schedule. */
    record ScheduleRequest(
            String name,
            LeadFilter filter,
            List<String> fields,
            String format,
            ExportSchedule.RecurrenceView recurrence,
            String timeZone,
            List<String> recipients,
            DestinationRules.DestinationRequest destination,
            Boolean delta) {

        @Override
        public String toString() {
            return "ScheduleRequest[" + name + "]"; // never the destination's secrets
        }
    }

    /** A request that passed every check; {@code destination} is null for mail only. */
    record Checked(
            String name,
            LeadFilter filter,
            List<String> fields,
            ExportFormat format,
            Recurrence recurrence,
            ZoneId zone,
            List<String> recipients,
            DestinationRules.Checked destination,
            boolean delta) {

        @Override
        public String toString() {
            return "Checked[" + name + "]";
        }
    }

    List<ExportSchedule> list(CurrentUser user) {
        return repository.list(user.seesAllLeads() ? null : user.id());
    }

    ExportSchedule get(long id, CurrentUser user) {
        return repository
                .find(id)
                .filter(s -> user.mayAct(s.ownerId()))
                .orElseThrow(() -> new NotFoundException("There is no export schedule with id " + id + "."));
    }

    @Transactional
    ExportSchedule create(ScheduleRequest request, CurrentUser user) {
        Checked checked = check(request, null);
        Instant now = clock.instant();
        limits.check(checked, user, now, true);
        Instant next = checked.recurrence().nextAfter(now, checked.zone());
        long id = repository.insert(user.id(), checked, next, now);
        scheduler.scheduleIfNotExists(
                task.instanceBuilder(Long.toString(id)).data(next).scheduledTo(next));
        return repository.find(id).orElseThrow();
    }

    @Transactional
    ExportSchedule update(long id, ScheduleRequest request, CurrentUser user) {
        ExportSchedule existing = get(id, user);
        DestinationRules.Checked stored = repository.storedDestination(id);
        Checked given = check(request, stored);
        Instant now = clock.instant();
        limits.check(given, user, now, false);
        // Left out is kept (clients that predate destinations and delta lose neither); {"type": "MAIL"} and
        // "delta": false turn them off.
        Checked checked = new Checked(
                given.name(),
                given.filter(),
                given.fields(),
                given.format(),
                given.recurrence(),
                given.zone(),
                given.recipients(),
                request.destination() == null ? stored : given.destination(),
                request.delta() == null ? existing.delta() : given.delta());
        Instant next = existing.paused() ? null : checked.recurrence().nextAfter(now, checked.zone());
        // Another slice of leads (or turning delta on) starts over: the next run delivers every lead it selects.
        boolean sameSlice = existing.delta()
                && checked.delta()
                && existing.filter().equals(checked.filter())
                && existing.fields().equals(checked.fields())
                && existing.format() == checked.format();
        repository.update(id, checked, next, now, !sameSlice);
        if (!existing.paused()) {
            place(id, next);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional
    ExportSchedule pause(long id, CurrentUser user) {
        ExportSchedule existing = get(id, user);
        repository.setPaused(id, true, null, clock.instant());
        if (!existing.paused()) {
            unplace(id);
        }
        return repository.find(id).orElseThrow();
    }

    @Transactional
    ExportSchedule resume(long id, CurrentUser user) {
        ExportSchedule existing = get(id, user);
        if (!existing.paused()) {
            return existing;
        }
        Instant now = clock.instant();
        // Resuming starts from now: occurrences missed while paused are not made up.
        Instant next = recurrenceOf(existing).nextAfter(now, ZoneId.of(existing.timeZone()));
        repository.setPaused(id, false, next, now);
        place(id, next);
        return repository.find(id).orElseThrow();
    }

    @Transactional
    void delete(long id, CurrentUser user) {
        ExportSchedule existing = get(id, user);
        if (!existing.paused()) {
            unplace(id);
        }
        repository.delete(id);
    }

    /** Moves the schedule's execution to the given time, or creates it. */
    private void place(long id, Instant next) {
        TaskInstanceId instance = TaskInstanceId.of(ScheduledExportTasks.TASK, Long.toString(id));
        if (scheduler.getScheduledExecution(instance).isPresent()) {
            if (!scheduler.reschedule(instance, next, next)) {
                // Running right now: the run itself re-reads the schedule and moves on from its new recurrence.
                log.info("Schedule {} is running; its new recurrence applies from the end of this run", id);
            }
        } else {
            scheduler.scheduleIfNotExists(
                    task.instanceBuilder(Long.toString(id)).data(next).scheduledTo(next));
        }
    }

    private void unplace(long id) {
        TaskInstanceId instance = TaskInstanceId.of(ScheduledExportTasks.TASK, Long.toString(id));
        var execution = scheduler.getScheduledExecution(instance);
        if (execution.isPresent() && !execution.get().isPicked()) {
            scheduler.cancel(instance);
        }
        // A picked (running) execution ends by re-reading the schedule, finds it paused or gone and stops.
    }

    static Recurrence recurrenceOf(ExportSchedule s) {
        ExportSchedule.RecurrenceView r = s.recurrence();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        r.days().forEach(d -> days.add(DayOfWeek.valueOf(d)));
        return new Recurrence(
                Recurrence.Type.valueOf(r.type()),
                r.time() == null ? null : LocalTime.parse(r.time()),
                days,
                r.dayOfMonth(),
                r.cron());
    }

    /** Checks every field; {@code stored} is the schedule's current destination, whose secrets a change may keep. */
    Checked check(ScheduleRequest request, DestinationRules.Checked stored) {
        if (request == null) {
            throw new InvalidInputException("body", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "is required (at most 200 characters)"));
        }
        List<String> fields = request.fields() == null ? List.of() : request.fields();
        if (fields.isEmpty()) {
            problems.add(new FieldProblem("fields", "name at least one field to export"));
        } else if (fields.size() > MAX_FIELDS) {
            problems.add(new FieldProblem("fields", "at most " + MAX_FIELDS + " fields"));
            fields = List.of();
        }
        for (int i = 0; i < fields.size(); i++) {
            String key = fields.get(i) == null ? "" : fields.get(i).strip();
            String customKey = key.startsWith("custom.") ? key.substring("custom.".length()) : key;
            if (LeadField.byKey(key).isEmpty() && customFields.byKey(customKey).isEmpty()) {
                problems.add(
                        new FieldProblem("fields[" + i + "]", "'" + key + "' is not a lead field or custom field"));
            }
        }
        ExportFormat format = null;
        try {
            format = ExportFormat.valueOf((request.format() == null ? "CSV" : request.format())
                    .strip()
                    .toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("format", "'" + request.format() + "' is not one of [CSV, XLSX]"));
        }
        ZoneId zone = null;
        try {
            zone = ZoneId.of(
                    request.timeZone() == null ? "UTC" : request.timeZone().strip());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem(
                    "timeZone", "'" + request.timeZone() + "' is not a time zone (e.g. Europe/Berlin)"));
        }
        Recurrence recurrence = recurrence(request.recurrence(), problems);
        List<String> recipients = recipients(request.recipients(), problems);
        DestinationRules.Checked destination = destinations.check(request.destination(), stored, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LeadFilter filter = request.filter() == null ? LeadFilter.ALL : request.filter();
        return new Checked(
                name,
                filter,
                fields.stream().map(String::strip).toList(),
                format,
                recurrence,
                zone,
                recipients,
                destination,
                Boolean.TRUE.equals(request.delta()));
    }

    private static Recurrence recurrence(ExportSchedule.RecurrenceView view, List<FieldProblem> problems) {
        if (view == null) {
            problems.add(new FieldProblem("recurrence", "is required"));
            return null;
        }
        Recurrence.Type type = null;
        try {
            type = view.type() == null
                    ? null
                    : Recurrence.Type.valueOf(view.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    "recurrence.type", "'" + view.type() + "' is not one of " + List.of(Recurrence.Type.values())));
            return null;
        }
        LocalTime time = null;
        if (view.time() != null && !view.time().isBlank()) {
            try {
                time = LocalTime.parse(view.time().strip());
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("recurrence.time", "'" + view.time() + "' is not a time (HH:mm)"));
                return null;
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> rawDays = view.days() == null ? List.of() : view.days();
        for (int i = 0; i < rawDays.size(); i++) {
            try {
                days.add(DayOfWeek.valueOf(rawDays.get(i).strip().toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                problems.add(new FieldProblem(
                        "recurrence.days[" + i + "]", "'" + rawDays.get(i) + "' is not a weekday (MONDAY ... SUNDAY)"));
            }
        }
        Recurrence recurrence = new Recurrence(type, time, days, view.dayOfMonth(), view.cron());
        problems.addAll(recurrence.problems());
        return recurrence;
    }

    private static List<String> recipients(List<String> raw, List<FieldProblem> problems) {
        Set<String> out = new LinkedHashSet<>();
        List<String> list = raw == null ? List.of() : raw;
        if (list.size() > MAX_RECIPIENTS) {
            problems.add(new FieldProblem("recipients", "at most " + MAX_RECIPIENTS + " recipients"));
        }
        for (int i = 0; i < list.size(); i++) {
            String r = list.get(i) == null ? "" : list.get(i).strip();
            if (!EMAIL.matcher(r).matches() || r.length() > 254) {
                // The path counts from 0 like every API path; the sentence counts as people do.
                problems.add(new FieldProblem(
                        "recipients[" + i + "]", "recipient " + (i + 1) + ", '" + r + "', is not an email address"));
            } else {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }
}
