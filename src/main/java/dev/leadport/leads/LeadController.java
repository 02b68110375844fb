package dev.leadport.leads;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Single leads and the filtered, keyset-paged list. */
@RestController
@RequestMapping("/api/leads")
class LeadController {

    private final LeadService leads;
    private final Users users;

    LeadController(LeadService leads, Users users) {
        this.leads = leads;
        this.users = users;
    }

    @GetMapping
    LeadPage list(
            @RequestParam(name = "status", required = false) List<LeadStatus> statuses,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedTo,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "true") boolean total) {
        LeadFilter filter =
                new LeadFilter(statuses, ownerId(owner), source, createdFrom, createdTo, updatedFrom, updatedTo, q);
        return leads.list(filter, after, size, total, users.current());
    }

    @GetMapping("/{id}")
    Lead get(@PathVariable long id) {
        return leads.get(id, users.current());
    }

    @PostMapping
    ResponseEntity<Lead> create(@Valid @RequestBody LeadRequest request) {
        Lead lead = leads.create(request, users.current());
        return ResponseEntity.created(URI.create("/api/leads/" + lead.id())).body(lead);
    }

    @PutMapping("/{id}")
    Lead update(@PathVariable long id, @Valid @RequestBody LeadRequest request) {
        return leads.update(id, request, users.current());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        leads.delete(id, users.current());
        return ResponseEntity.noContent().build();
    }

    private Long ownerId(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        return users.findByReference(owner)
                .map(UserAccount::id)
                .orElseThrow(() -> new InvalidInputException("owner", "there is no user '" + owner + "'"));
    }
}
