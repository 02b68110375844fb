package dev.leadport.activity;

import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The activity and audit log: who imported, exported or changed what, when and how it went. REPs see their own
 * activity; MANAGERs and ADMINs everyone's. Nothing here changes an entry.
 */
@RestController
@RequestMapping("/api/leads/import-export/activity")
class ActivityController {

    private final ActivityRepository repository;
    private final Users users;
    private final LeadsProperties leads;
    private final ActivityProperties properties;
    private final Clock clock;

    ActivityController(
            ActivityRepository repository,
            Users users,
            LeadsProperties leads,
            ActivityProperties properties,
            Clock clock) {
        this.repository = repository;
        this.users = users;
        this.leads = leads;
        this.properties = properties;
        this.clock = clock;
    }

    /** Operations newest first, one row each in its latest state; {@code from}/{@code to} are dates or instants. */
    @GetMapping
    ActivityPage list(
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > properties.maxPageSize()) {
            throw new InvalidInputException("size", "must be between 1 and " + properties.maxPageSize());
        }
        ActivityQuery query = ActivityQuery.parse(types, statuses, user, from, to, q, leads.timeZone());
        return repository.list(query, users.current(), page, size);
    }

    /** One operation: every entry it logged (start, end), its parameters, error summary and links. */
    @GetMapping("/{id}")
    ActivityDetail detail(@PathVariable long id) {
        CurrentUser user = users.current();
        ActivityEntry entry = repository
                .find(id)
                .filter(e -> user.seesAllLeads() || (e.actorId() != null && e.actorId() == user.id()))
                .orElseThrow(() -> new NotFoundException("There is no activity entry with id " + id + "."));
        List<ActivityEntry> entries = repository.operation(entry.type(), entry.operationId());
        ActivityEntry latest = entries.get(entries.size() - 1);
        return new ActivityDetail(
                latest.type(),
                latest.operationId(),
                latest.status(),
                latest.actorUsername(),
                latest.parameters(),
                latest.counts(),
                latest.durationMillis(),
                latest.rowsPerSecond(),
                latest.errorSummary(),
                latest.links(),
                entries);
    }

    /** The filtered log as CSV, streamed; cells that a spreadsheet would run as formulas are neutralised. */
    @GetMapping("/export")
    void export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(name = "type", required = false) List<String> types,
            @RequestParam(name = "status", required = false) List<String> statuses,
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        if (!"csv".equalsIgnoreCase(format)) {
            throw new InvalidInputException("format", "'" + format + "' is not supported; use csv");
        }
        ActivityQuery query = ActivityQuery.parse(types, statuses, user, from, to, q, leads.timeZone());
        CurrentUser current = users.current();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"activity-" + clock.instant().toString().substring(0, 10) + ".csv\"");
        try (ActivityCsv csv = new ActivityCsv(response.getOutputStream())) {
            csv.header();
            repository.stream(query, current, csv::write);
        }
    }

    /** Counts, rows, throughput and duration percentiles and error rates of operations finished in the period. */
    @GetMapping("/metrics")
    ActivityMetrics metrics(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ActivityQuery period = ActivityQuery.parse(null, null, null, from, to, null, leads.timeZone());
        Instant end = period.to() == null ? clock.instant() : period.to();
        Instant start = period.from() == null ? end.minus(Duration.ofDays(30)) : period.from();
        if (!start.isBefore(end)) {
            throw new InvalidInputException("to", "must be after 'from'");
        }
        CurrentUser user = users.current();
        List<ActivityMetrics.Group> overall = repository.metrics(start, end, user, false);
        List<ActivityMetrics.Group> byType = repository.metrics(start, end, user, true);
        long dryRuns = byType.stream()
                .filter(g -> "VALIDATION".equals(g.type()))
                .mapToLong(ActivityMetrics.Group::operations)
                .sum();
        return new ActivityMetrics(
                start, end, overall.get(0), byType, repository.countsByTypeAndStatus(start, end, user), dryRuns);
    }

    /** An operation with its whole history. */
    record ActivityDetail(
            String type,
            String operationId,
            String status,
            String actorUsername,
            Map<String, Object> parameters,
            dev.leadport.shared.events.OperationEvent.Counts counts,
            Long durationMillis,
            Double rowsPerSecond,
            String errorSummary,
            Map<String, String> links,
            List<ActivityEntry> entries) {}
}
