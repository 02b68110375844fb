package dev.leadport.leads;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Custom field definitions: everyone reads them, only ADMINs change them. */
@RestController
@RequestMapping("/api/custom-fields")
class CustomFieldController {

    private final CustomFields customFields;

    CustomFieldController(CustomFields customFields) {
        this.customFields = customFields;
    }

    @GetMapping
    List<CustomFieldDefinition> list() {
        return customFields.all();
    }

    @GetMapping("/{id}")
    CustomFieldDefinition get(@PathVariable long id) {
        return customFields.get(id);
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CustomFieldDefinition> create(@Valid @RequestBody FieldRequest request) {
        CustomFieldDefinition created = customFields.create(request.toDefinition(0));
        return ResponseEntity.created(URI.create("/api/custom-fields/" + created.id()))
                .body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    CustomFieldDefinition update(@PathVariable long id, @Valid @RequestBody FieldRequest request) {
        return customFields.update(id, request.toDefinition(id));
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<Void> delete(@PathVariable long id) {
        customFields.delete(id);
        return ResponseEntity.noContent().build();
    }

    record FieldRequest(
            @NotBlank
            @Size(max = 60)
            @Pattern(
                    regexp = "[A-Za-z][A-Za-z0-9_]*",
                    message = "must start with a letter and hold only letters, digits and _")
            String key,

            @NotBlank @Size(max = 100) String label,
            @NotNull CustomFieldType type,
            @Size(max = 500) List<@NotBlank @Size(max = 100) String> options,
            Boolean required,
            Integer position) {

        CustomFieldDefinition toDefinition(long id) {
            return new CustomFieldDefinition(
                    id,
                    key,
                    label.strip(),
                    type,
                    options == null
                            ? List.of()
                            : options.stream().map(String::strip).distinct().toList(),
                    Boolean.TRUE.equals(required),
                    position == null ? 0 : position);
        }
    }
}
