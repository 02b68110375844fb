package dev.leadport.bulk;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadFilterSql;
import dev.leadport.leads.LeadsProperties;
import dev.leadport.shared.ConflictException;
import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.db.DatabaseAway;
import dev.leadport.shared.db.Retries;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk module's facade: checks every requested id before anything changes, stores the operation with one
 * result per id, and runs it in chunks, at once when it is small and as a job (202) when it is large.
 */
@Service
class BulkService {

    /** The job that runs a large operation; its data is the operation id. */
    static final TaskDescriptor<Long> JOB = TaskDescriptor.of("bulk-operation", Long.class);

    /** Operations on this many leads or more refresh the planner's statistics before their chunks run. */
    private static final int STATISTICS_THRESHOLD = 1_000;

    private static final Logger log = LoggerFactory.getLogger(BulkService.class);

    private final BulkRepository repository;
    private final BulkTargets targets;
    private final BulkRequestReader reader;
    private final Users users;
    private final BulkProperties properties;
    private final LeadsProperties leads;
    private final SchedulerClient scheduler;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Map<TotalsKey, Map<BulkResultCode, Long>> totals =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<TotalsKey, Map<BulkResultCode, Long>> eldest) {
                    return size() > 256;
                }
            });

    BulkService(
            BulkRepository repository,
            BulkTargets targets,
            BulkRequestReader reader,
            Users users,
            BulkProperties properties,
            LeadsProperties leads,
            SchedulerClient scheduler,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.reader = reader;
        this.users = users;
        this.properties = properties;
        this.leads = leads;
        this.scheduler = scheduler;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public BulkOperationView update(BulkRequest request, boolean dryRun, CurrentUser user) {
        Map<String, Object> filter = request.filter();
        BulkParameters parameters = reader.changes(request.changes(), filter);
        return start(BulkKind.UPDATE, request, parameters, dryRun, user);
    }

    public BulkOperationView assign(BulkRequest request, boolean dryRun, CurrentUser user) {
        Long ownerId = request.ownerId();
        if (ownerId == null) {
            throw new InvalidInputException("ownerId", "is required: the id of the user who gets the leads");
        }
        if (users.find(ownerId).isEmpty()) {
            throw new InvalidInputException("ownerId", "there is no user with id " + ownerId);
        }
        if (!user.seesAllLeads() && ownerId != user.id()) {
            throw new ForbiddenException("A REP cannot assign leads to another user.");
        }
        BulkParameters parameters = new BulkParameters(null, false, null, Map.of(), ownerId, request.filter(), null);
        return start(BulkKind.ASSIGN, request, parameters, dryRun, user);
    }

    public BulkOperationView delete(BulkRequest request, boolean dryRun, CurrentUser user) {
        if (!user.seesAllLeads()) {
            throw new ForbiddenException("Only managers and admins delete leads in bulk.");
        }
        BulkParameters parameters = new BulkParameters(null, false, null, Map.of(), null, request.filter(), null);
        return start(BulkKind.DELETE, request, parameters, dryRun, user);
    }

    public BulkOperationView restore(BulkRequest request, boolean dryRun, CurrentUser user) {
        if (request.filter() != null) {
            throw new InvalidInputException("filter", "restore takes the ids of deleted leads, not a filter");
        }
        return start(BulkKind.RESTORE, request, BulkParameters.none(), dryRun, user);
    }

    /** Puts back what an update or assign changed, skipping (and reporting) leads changed since. */
    public BulkOperationView undo(long operationId, CurrentUser user) {
        BulkOperation original = visible(operationId, user);
        if (!original.kind().undoable()) {
            throw new InvalidInputException(
                    "operationId",
                    "only bulk updates and assigns can be undone; restore deleted leads from the recycle bin");
        }
        if (original.dryRun()) {
            throw new InvalidInputException("operationId", "a dry run changed nothing, so there is nothing to undo");
        }
        if (original.undoneBy() != null) {
            throw new ConflictException(
                    "operationId", "Operation " + operationId + " was already undone by " + original.undoneBy() + ".");
        }
        if (original.status() != OperationStatus.COMPLETED
                && original.status() != OperationStatus.COMPLETED_WITH_ERRORS) {
            throw new ConflictException(
                    "operationId",
                    "Operation " + operationId + " is " + original.status() + "; only a finished one can be undone.");
        }
        BulkParameters parameters = new BulkParameters(null, false, null, Map.of(), null, null, operationId);
        int[] count = {0};
        long id = inTransaction(() -> {
            long undo = repository.create(BulkKind.UNDO, OperationStatus.RUNNING, user, false, parameters, 0);
            if (!repository.claimUndo(operationId, undo)) {
                throw new ConflictException("operationId", "Operation " + operationId + " is being undone already.");
            }
            count[0] = repository.insertUndoTargets(undo, operationId);
            if (count[0] > properties.jobThreshold()) {
                repository.queue(undo);
            }
            return undo;
        });
        if (count[0] >= STATISTICS_THRESHOLD) {
            repository.refreshStatistics();
        }
        if (count[0] > properties.jobThreshold()) {
            schedule(id);
            return get(id, user);
        }
        return run(id, user, false);
    }

    public BulkOperationView get(long operationId, CurrentUser user) {
        return get(operationId, null, user);
    }

    /** The operation with at most {@code results} per-lead results (null: the configured most). */
    public BulkOperationView get(long operationId, Integer results, CurrentUser user) {
        int limit = results == null
                ? properties.maxResultsInResponse()
                : Math.max(0, Math.min(results, properties.maxResultsInResponse()));
        return view(visible(operationId, user), limit);
    }

    /** Every result of an operation the user may see, in request order. */
    public void results(
            long operationId, CurrentUser user, java.util.function.Consumer<BulkRepository.ResultRow> rows) {
        repository.streamResults(visible(operationId, user).id(), rows);
    }

    public RecycleBinPage recycleBin(Long afterId, int size, CurrentUser user) {
        int limit = Math.max(1, Math.min(size, 500));
        List<BulkRepository.BinEntry> rows = repository.recycleBin(user, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<BulkRepository.BinEntry> page = more ? rows.subList(0, limit) : rows;
        Map<Long, String> names = users.usernamesById();
        List<RecycleBinPage.Entry> items = page.stream()
                .map(e -> new RecycleBinPage.Entry(
                        e.id(),
                        e.firstName(),
                        e.lastName(),
                        e.email(),
                        e.company(),
                        e.ownerId(),
                        e.ownerId() == null ? null : names.get(e.ownerId()),
                        e.deletedAt(),
                        e.deletedAt().plus(properties.recycleBinRetention())))
                .toList();
        return new RecycleBinPage(
                items, more ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    /** Deletes for good the leads in the recycle bin longer than the retention; returns how many. */
    public long purgeRecycleBin() {
        java.time.Instant cutoff = clock.instant().minus(properties.recycleBinRetention());
        long purged = 0;
        int n;
        do {
            n = repository.purge(cutoff, 10_000);
            purged += n;
        } while (n > 0);
        if (purged > 0) {
            log.info("Purged {} leads deleted before {}", purged, cutoff);
        }
        return purged;
    }

    /** Runs a queued operation as a job; chunks already settled are not run again. */
    void runJob(long operationId) {
        BulkOperation op = repository.find(operationId).orElse(null);
        if (op == null || op.status().isFinal()) {
            return;
        }
        UserAccount actor = users.find(op.actorId()).orElseThrow();
        repository.markRunning(operationId);
        Retries.whileDatabaseAway(() -> run(operationId, users.asCurrentUser(actor), true));
    }

    /** Called when the job engine stops retrying a job whose database stayed away: the operation ends as failed. */
    void giveUp(long operationId, String reason) {
        repository.find(operationId).filter(op -> !op.status().isFinal()).ifPresent(op -> {
            repository.finish(
                    operationId,
                    OperationStatus.FAILED,
                    "The database could not be reached for too long (" + reason + "); the leads already changed"
                            + " keep their change.",
                    clock.instant());
            publish(repository.find(operationId).orElseThrow(), OperationStatus.FAILED);
        });
    }

    private BulkOperationView start(
            BulkKind kind, BulkRequest request, BulkParameters parameters, boolean dryRunParam, CurrentUser user) {
        boolean dryRun = dryRunParam || Boolean.TRUE.equals(request.dryRun());
        List<BulkTarget> list = targets(kind, request, user);
        long pending =
                list.stream().filter(t -> t.code() == BulkResultCode.PENDING).count();
        boolean asJob = !dryRun && pending > properties.jobThreshold();
        OperationStatus initial = asJob ? OperationStatus.QUEUED : OperationStatus.RUNNING;
        long id = inTransaction(() -> {
            long created = repository.create(kind, initial, user, dryRun, parameters, list.size());
            repository.insertTargets(created, list);
            return created;
        });
        if (pending >= STATISTICS_THRESHOLD) {
            repository.refreshStatistics();
        }
        if (dryRun) {
            BulkOperation op = repository.find(id).orElseThrow();
            repository.dryRun(op, user);
            repository.finish(id, OperationStatus.COMPLETED, null, clock.instant());
            return get(id, user);
        }
        if (asJob) {
            schedule(id);
            return get(id, user);
        }
        return run(id, user, false);
    }

    private List<BulkTarget> targets(BulkKind kind, BulkRequest request, CurrentUser user) {
        if (request.ids() != null && request.filter() != null) {
            throw new InvalidInputException("ids", "give either ids or a filter, not both");
        }
        if (request.ids() != null) {
            if (request.ids().isEmpty()) {
                throw new InvalidInputException("ids", "is empty; list at least one lead id");
            }
            if (request.ids().size() > properties.maxIds()) {
                throw new InvalidInputException(
                        "ids",
                        "lists " + request.ids().size() + " ids; one request takes at most " + properties.maxIds()
                                + ". Split the list or use a filter.");
            }
            return targets.fromIds(kind, request.ids(), user);
        }
        if (request.filter() == null) {
            throw new InvalidInputException("ids", "give the lead ids or a filter");
        }
        LeadFilter filter = reader.filter(request.filter());
        return targets.fromFilter(LeadFilterSql.where(filter, user, leads.timeZone()));
    }

    /** Runs the operation's pending chunks, then records and announces how it ended. */
    private BulkOperationView run(long id, CurrentUser actor, boolean asJob) {
        BulkOperation op = repository.find(id).orElseThrow();
        if (op.processed() == 0) {
            publish(op, OperationStatus.RUNNING);
        }
        try {
            // Each chunk commits on its own, so progress is visible and a restart resumes after it.
            BulkRepository.Chunk chunk = new BulkRepository.Chunk(0, 0);
            do {
                chunk = runChunk(op, actor, chunk.last());
            } while (chunk.settled() > 0);
        } catch (RuntimeException e) {
            if (asJob && DatabaseAway.causedBy(e)) {
                // runJob() waits and runs the pending chunks again; the job engine's retries come after that.
                log.warn(
                        "Bulk operation {} paused: the database is away or kept refusing the chunk ({})",
                        id,
                        e.getMessage());
                throw e;
            }
            log.error("Bulk operation {} failed", id, e);
            repository.finish(id, OperationStatus.FAILED, "The operation stopped: " + e.getMessage(), clock.instant());
            publish(repository.find(id).orElseThrow(), OperationStatus.FAILED);
            return get(id, actor);
        }
        Map<BulkResultCode, Long> totals = repository.totals(id);
        boolean errors = totals.entrySet().stream().anyMatch(e -> e.getKey().failed() && e.getValue() > 0);
        OperationStatus status = errors ? OperationStatus.COMPLETED_WITH_ERRORS : OperationStatus.COMPLETED;
        repository.finish(id, status, null, clock.instant());
        if (op.kind() == BulkKind.UNDO) {
            BulkOperation original = repository.find(op.parameters().undoOf()).orElseThrow();
            repository.finish(original.id(), OperationStatus.UNDONE, null, original.finishedAt());
        }
        publish(repository.find(id).orElseThrow(), status);
        return get(id, actor);
    }

    /**
     * The counts per result. An operation's results change only in the statements that also move its
     * {@code processed} or its status, so counts computed for one (processed, status) stay exact until either
     * moves; a client polling a running job then costs one read of the operation, not a count of all its results.
     */
    private Map<BulkResultCode, Long> totals(BulkOperation op) {
        TotalsKey key = new TotalsKey(op.id(), op.processed(), op.status());
        Map<BulkResultCode, Long> cached = totals.get(key);
        if (cached == null) {
            cached = Map.copyOf(repository.totals(op.id()));
            totals.put(key, cached);
        }
        return cached;
    }

    private record TotalsKey(long operation, int processed, OperationStatus status) {}

    /** Runs the next chunk; a chunk rolled back by a deadlock or lock conflict changed nothing and runs again. */
    private BulkRepository.Chunk runChunk(BulkOperation op, CurrentUser actor, int after) {
        return Retries.onLockConflict(
                () -> repository.runChunk(op, actor, properties.chunkSize(), after),
                attempt -> log.info("Bulk operation {}: chunk hit a lock conflict, retrying ({})", op.id(), attempt));
    }

    private void schedule(long id) {
        scheduler.scheduleIfNotExists(JOB.instance(String.valueOf(id)).data(id).scheduledTo(clock.instant()));
    }

    private BulkOperation visible(long operationId, CurrentUser user) {
        return repository
                .find(operationId)
                .filter(op -> op.actorId() == user.id() || user.seesAllLeads())
                .orElseThrow(() -> new NotFoundException("There is no bulk operation " + operationId + "."));
    }

    private BulkOperationView view(BulkOperation op, int limit) {
        Map<BulkResultCode, Long> counts = totals(op);
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("requested", (long) op.requested());
        for (BulkResultCode code : BulkResultCode.values()) {
            totals.put(code.totalsKey(), counts.getOrDefault(code, 0L));
        }
        List<BulkOperationView.Result> results = repository.results(op.id(), limit).stream()
                .map(r -> new BulkOperationView.Result(
                        r.leadId() != null ? (Object) r.leadId() : r.ref(), r.result(), r.message()))
                .toList();
        Map<String, String> links = new LinkedHashMap<>();
        String self = "/api/leads/bulk/" + op.id();
        links.put("self", self);
        links.put("results", self + "/results.csv");
        if (op.kind().undoable() && !op.dryRun() && op.undoneBy() == null) {
            links.put("undo", self + "/undo");
        }
        long processed = op.requested() - counts.getOrDefault(BulkResultCode.PENDING, 0L);
        return new BulkOperationView(
                op.id(),
                op.kind(),
                op.status(),
                op.dryRun(),
                totals,
                processed,
                op.undoOf(),
                op.undoneBy(),
                op.error(),
                op.createdAt(),
                op.finishedAt(),
                links,
                results,
                op.requested() > results.size());
    }

    private void publish(BulkOperation op, OperationStatus status) {
        Map<BulkResultCode, Long> counts = totals(op);
        long done = counts.getOrDefault(op.kind().done(), 0L);
        long skipped = counts.entrySet().stream()
                .filter(e -> e.getKey().skipped())
                .mapToLong(Map.Entry::getValue)
                .sum();
        long failed = counts.entrySet().stream()
                .filter(e -> e.getKey().failed())
                .mapToLong(Map.Entry::getValue)
                .sum();
        long processed = op.requested() - counts.getOrDefault(BulkResultCode.PENDING, 0L);
        BulkParameters p = op.parameters();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("filter", p.filter());
        parameters.put("status", p.status());
        if (p.setSource()) {
            parameters.put("source", p.source());
        }
        parameters.put("custom", p.custom());
        parameters.put("ownerId", p.ownerId());
        parameters.put("undoOf", p.undoOf());
        UserAccount actor = users.find(op.actorId()).orElseThrow();
        String self = "/api/leads/bulk/" + op.id();
        events.publishEvent(OperationEvent.builder(op.kind().eventType(), String.valueOf(op.id()), status)
                .actor(op.actorId(), actor.username())
                .time(op.createdAt(), status.isFinal() ? clock.instant() : null)
                .counts(new OperationEvent.Counts(op.requested(), processed, 0, done, skipped, failed))
                .parameters(parameters)
                .errorSummary(op.error())
                .links(Map.of("details", self, "download", self + "/results.csv"))
                .build());
    }

    private long inTransaction(java.util.function.LongSupplier work) {
        Long id = transaction.execute(status -> work.getAsLong());
        return id == null ? 0 : id;
    }
}
