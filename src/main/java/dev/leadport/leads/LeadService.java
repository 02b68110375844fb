package dev.leadport.leads;

import dev.leadport.shared.ConflictException;
import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.shared.NotFoundException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** The leads module's facade: single-lead changes and the filtered, paged list, with the role rules applied. */
@Service
public class LeadService {

    private final LeadRepository repository;
    private final CustomFields customFields;
    private final Users users;
    private final LeadsProperties properties;
    private final LargeCounts largeCounts;

    LeadService(
            LeadRepository repository,
            CustomFields customFields,
            Users users,
            LeadsProperties properties,
            LargeCounts largeCounts) {
        this.repository = repository;
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
            return get(repository.insert(values), user);
        } catch (DuplicateKeyException e) {
            throw duplicateEmail(values.email(), user);
        }
    }

    public Lead update(long id, LeadRequest request, CurrentUser user) {
        LeadRepository.StoredLead existing = find(id);
        if (!user.mayAct(existing.values().ownerId())) {
            throw new ForbiddenException("Lead " + id + " belongs to another user.");
        }
        Long owner = request.ownerId() == null ? existing.values().ownerId() : request.ownerId();
        LeadValues values = check(request, owner, user);
        try {
            repository.update(id, values);
        } catch (DuplicateKeyException e) {
            throw duplicateEmail(values.email(), user);
        }
        return get(id, user);
    }

    /** Moves the lead to the recycle bin. */
    public void delete(long id, CurrentUser user) {
        LeadRepository.StoredLead existing = find(id);
        if (!user.mayAct(existing.values().ownerId())) {
            throw new ForbiddenException("Lead " + id + " belongs to another user.");
        }
        repository.softDelete(id);
    }

    public LeadPage list(LeadFilter filter, Long afterId, int size, TotalCount totalCount, CurrentUser user) {
        int limit = Math.max(1, Math.min(size, properties.maxPageSize()));
        SqlWhere where = LeadFilterSql.where(filter, user, properties.timeZone());
        List<LeadRepository.StoredLead> rows = repository.page(where, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<LeadRepository.StoredLead> page = more ? rows.subList(0, limit) : rows;
        Map<Long, String> names = ownerNames();
        List<Lead> items = page.stream().map(l -> toLead(l, names)).toList();
        String next = more ? String.valueOf(page.get(page.size() - 1).id()) : null;
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
                custom);
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

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
