package dev.leadport.leads;

import dev.leadport.users.Users;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
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
    private final LeadHistory history;
    private final Users users;

    LeadController(LeadService leads, LeadHistory history, Users users) {
        this.leads = leads;
        this.history = history;
        this.users = users;
    }

    @GetMapping
    LeadPage list(
            @ParameterObject LeadFilterParams filter,
            @Parameter(description = "the previous page's nextCursor; omit for the first page")
                    @RequestParam(required = false)
                    String after,
            @Parameter(
                            description = "sort column: created, updated, name, email, company or status;"
                                    + " omitted: newest first")
                    @RequestParam(required = false)
                    String sort,
            @Parameter(description = "asc or desc (default: asc, desc for created and updated)")
                    @RequestParam(required = false)
                    String dir,
            @RequestParam(defaultValue = "50") int size,
            @Parameter(
                            description = "true (default): the number of matches, exact up to"
                                    + " leadport.leads.exact-count-limit (10,000) and the database's estimate beyond it"
                                    + " (totalExact false); exact: always exact, reading every match; false: none")
                    @RequestParam(defaultValue = "true")
                    String total) {
        return leads.list(
                filter.toFilter(users),
                LeadSort.parse(sort, dir),
                after,
                size,
                TotalCount.parse(total),
                users.current());
    }

    @GetMapping("/{id}")
    Lead get(@PathVariable long id) {
        return leads.get(id, users.current());
    }

    @GetMapping("/{id}/history")
    List<LeadHistory.Entry> history(@PathVariable long id) {
        return history.of(id, users.current());
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
}
