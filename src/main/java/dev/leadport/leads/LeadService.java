package dev.leadport.leads;

import dev.leadport.shared.ConflictException;
import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The leads module's facade: single-lead changes and the filtered, paged list, with the role rules applied. */
@Service
public class LeadService {

    private final LeadRepository repository;
    private final CustomFields customFields;
    private final Users users;
    private final LeadsProperties properties;
    private final LargeCounts largeCounts;
    private final LeadChangeRepository changes;
    private final TransactionTemplate transactions;

    LeadService(
            LeadRepository repository,
            CustomFields customFields,
            Users users,
            LeadsProperties properties,
            LargeCounts largeCounts,
            LeadChangeRepository changes,
            TransactionTemplate transactions) {
        this.repository = repository;
        this.changes = changes;
        this.transactions = transactions;
        this.largeCounts = largeCounts;
        this.customFields = customFields;
        this.users = users;
        this.properties = properties;
    }

    public Lead get(long id, CurrentUser user) {
        LeadRepository.StoredLead lead = find(id);
        if (!user.mayAct(lead.values().ownerId())) {
            throw new ForbiddenException("Lead " + id + " belongs to another user.");
        }
        return toLead(lead, ownerNames());
    }

    public Lead create(LeadRequest request, CurrentUser user) {
        Long owner = request.ownerId() == null ? Long.valueOf(user.id()) : request.ownerId();
        LeadValues values = check(request, owner, user);
        try {
            long id = transactions.execute(tx -> {
                long created = repository.insert(values);
                changes.record(created, "CREATED", user.id(), null, withoutEmpty(apiValues(values)));
                return created;
            });
            return get(id, user);
        } catch (DuplicateKeyException e) {
            throw duplicate(e, values, user);
        }
    }

    public Lead update(long id, LeadRequest request, CurrentUser user) {
        LeadRepository.StoredLead existing = find(id);
        if (!user.mayAct(existing.values().ownerId())) {
            throw new ForbiddenException("Lead " + id + " belongs to another user.");
        }
        Long owner = request.ownerId() == null ? existing.values().ownerId() : request.ownerId();
        LeadValues values = check(request, owner, user);
        Map<String, Object> was = apiValues(existing.values());
        Map<String, Object> is = apiValues(values);
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        was.forEach((key, value) -> {
            if (!Objects.equals(value, is.get(key))) {
                before.put(key, value);
                after.put(key, is.get(key));
            }
        });
        try {
            transactions.executeWithoutResult(tx -> {
                repository.update(id, values);
                if (!after.isEmpty()) {
                    changes.record(id, "EDITED", user.id(), before, after);
                }
            });
        } catch (DuplicateKeyException e) {
            throw duplicate(e, values, user);
        }
        return get(id, user);
    }

    /** Moves the lead to the recycle bin. */
    public void delete(long id, CurrentUser user) {
        LeadRepository.StoredLead existing = find(id);
        if (!user.mayAct(existing.values().ownerId())) {
            throw new ForbiddenException("Lead " + id + " belongs to another user.");
        }
        transactions.executeWithoutResult(tx -> {
            if (repository.softDelete(id)) {
                changes.record(id, "DELETED", user.id(), Map.of(), Map.of());
            }
        });
    }

    public LeadPage list(LeadFilter filter, Long afterId, int size, TotalCount totalCount, CurrentUser user) {
        return list(filter, LeadSort.NEWEST, afterId == null ? null : String.valueOf(afterId), size, totalCount, user);
    }

    /** One page of the list in the given order, after the previous page's {@code nextCursor} (null: first page). */
    public LeadPage list(
            LeadFilter filter, LeadSort sort, String after, int size, TotalCount totalCount, CurrentUser user) {
        int limit = Math.max(1, Math.min(size, properties.maxPageSize()));
        SqlWhere where = LeadFilterSql.where(filter, user, properties.timeZone());
        String cursor = after == null || after.isBlank() ? null : after;
        List<LeadRepository.SortedLead> rows = repository.page(where, sort, cursor, limit + 1);
        boolean more = rows.size() > limit;
        List<LeadRepository.SortedLead> page = more ? rows.subList(0, limit) : rows;
        Map<Long, String> names = ownerNames();
        List<Lead> items = page.stream().map(l -> toLead(l.lead(), names)).toList();
        LeadRepository.SortedLead last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? sort.cursor(last.lead().id(), last.sortKey()) : null;
        return switch (totalCount) {
            case NONE -> new LeadPage(items, next, null, null);
            case EXACT -> new LeadPage(items, next, repository.count(where), true);
            case BOUNDED -> {
                Long large = largeCounts.recent(where);
                if (large != null) {
                    yield new LeadPage(items, next, large, false);
                }
                int exactUpTo = Math.max(0, properties.exactCountLimit());
                long counted = repository.countUpTo(where, exactUpTo + 1L);
                if (counted <= exactUpTo) {
                    yield new LeadPage(items, next, counted, true);
                }
                // More match than are counted: the planner's estimate, but never less than what was counted.
                long estimate = Math.max(exactUpTo + 1L, repository.estimate(where));
                largeCounts.remember(where, estimate);
                yield new LeadPage(items, next, estimate, false);
            }
        };
    }

    public long count(LeadFilter filter, CurrentUser user) {
        return repository.count(LeadFilterSql.where(filter, user, properties.timeZone()));
    }

    private LeadRepository.StoredLead find(long id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("There is no lead with id " + id + "."));
    }

    private LeadValues check(LeadRequest r, Long ownerId, CurrentUser user) {
        List<FieldProblem> problems = new ArrayList<>();
        String email = trim(r.email());
        String phone = trim(r.phone());
        String e164 = null;
        if (email == null && phone == null) {
            problems.add(new FieldProblem("email", "a lead needs an email or a phone"));
        }
        if (email != null) {
            EmailAddress.parse(email)
                    .problem()
                    .ifPresent(reason -> problems.add(
                            new FieldProblem("email", "'" + email + "' is not a valid email address: " + reason)));
        }
        if (phone != null) {
            e164 = PhoneNumber.parse(phone, properties.defaultPhoneRegion())
                    .toOptional()
                    .map(PhoneNumber::e164)
                    .orElse(null);
            if (e164 == null) {
                problems.add(new FieldProblem(
                        "phone",
                        "'" + phone + "' is not a valid phone number (region " + properties.defaultPhoneRegion()
                                + ")"));
            }
        }
        if (ownerId != null) {
            if (users.find(ownerId).isEmpty()) {
                problems.add(new FieldProblem("ownerId", "there is no user with id " + ownerId));
            } else if (!user.seesAllLeads() && ownerId != user.id()) {
                throw new ForbiddenException("A REP can only own leads themselves, not assign them to others.");
            }
        }
        String externalId = trim(r.externalId());
        if (externalId != null && externalId.length() > LeadLimits.EXTERNAL_ID) {
            problems.add(new FieldProblem("externalId", "longer than " + LeadLimits.EXTERNAL_ID + " characters"));
        } else if (externalId != null && externalId.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("externalId", "contains a control character"));
        }
        Map<String, Object> custom = Map.of();
        try {
            custom = customFields.check(r.custom(), true);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new LeadValues(
                trim(r.firstName()),
                trim(r.lastName()),
                email,
                phone,
                e164,
                trim(r.company()),
                trim(r.jobTitle()),
                r.status() == null ? LeadStatus.NEW : r.status(),
                trim(r.source()),
                ownerId,
                trim(r.notes()),
                custom,
                externalId);
    }

    /** Which unique value another lead holds already: the external id (by its index) or else the email. */
    private ConflictException duplicate(DuplicateKeyException e, LeadValues values, CurrentUser user) {
        String message = String.valueOf(e.getMostSpecificCause().getMessage());
        if (values.externalId() != null && message.contains("lead_external_id_key")) {
            String which = repository
                    .findByExternalId(values.externalId())
                    .map(l -> l.deleted()
                            ? " (a lead in the recycle bin)"
                            : user.mayAct(l.ownerId()) ? " (lead " + l.id() + ")" : "")
                    .orElse("");
            return new ConflictException(
                    "externalId",
                    "A lead with the external id '" + values.externalId() + "' exists already" + which + ".");
        }
        return duplicateEmail(values.email(), user);
    }

    /** Names the existing lead only to a user who may see it: a REP learns nothing of another user's leads. */
    private ConflictException duplicateEmail(String email, CurrentUser user) {
        String which = repository
                .findIdByEmail(email)
                .filter(id -> repository
                        .find(id)
                        .map(l -> user.mayAct(l.values().ownerId()))
                        .orElse(false))
                .map(id -> " (lead " + id + ")")
                .orElse("");
        return new ConflictException("email", "A lead with the email '" + email + "' already exists" + which + ".");
    }

    private Map<Long, String> ownerNames() {
        return users.usernamesById();
    }

    private static Lead toLead(LeadRepository.StoredLead l, Map<Long, String> owners) {
        LeadValues v = l.values();
        return new Lead(
                l.id(),
                v.externalId(),
                v.firstName(),
                v.lastName(),
                v.email(),
                v.phone(),
                v.phoneE164(),
                v.company(),
                v.jobTitle(),
                v.status(),
                v.source(),
                v.ownerId(),
                v.ownerId() == null ? null : owners.get(v.ownerId()),
                v.notes(),
                v.custom(),
                l.createdAt(),
                l.updatedAt());
    }

    /** A lead's values by their API names, as its change records keep them. */
    private static Map<String, Object> apiValues(LeadValues v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", v.firstName());
        m.put("lastName", v.lastName());
        m.put("email", v.email());
        m.put("phone", v.phone());
        m.put("company", v.company());
        m.put("jobTitle", v.jobTitle());
        m.put("status", v.status().name());
        m.put("source", v.source());
        m.put("ownerId", v.ownerId());
        m.put("notes", v.notes());
        m.put("custom", v.custom());
        m.put("externalId", v.externalId());
        return m;
    }

    private static Map<String, Object> withoutEmpty(Map<String, Object> values) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.values().removeIf(v -> v == null || (v instanceof Map<?, ?> map && map.isEmpty()));
        return m;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
