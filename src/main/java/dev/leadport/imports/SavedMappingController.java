package dev.leadport.imports;

import dev.leadport.imports.mapping.SavedMappings;
import dev.leadport.users.Users;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Saved import mappings: a user's own and those an admin published for everybody. */
@RestController
@RequestMapping("/api/leads/import-export/mappings")
class SavedMappingController {

    private final SavedMappings mappings;
    private final Users users;

    SavedMappingController(SavedMappings mappings, Users users) {
        this.mappings = mappings;
        this.users = users;
    }

    @GetMapping
    List<SavedMappings.Saved> list() {
        return mappings.visibleTo(users.current());
    }

    @PostMapping("/{id}/publish")
    SavedMappings.Saved publish(@PathVariable long id) {
        return mappings.publish(id, users.current());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mappings.delete(id, users.current());
        return ResponseEntity.noContent().build();
    }
}
