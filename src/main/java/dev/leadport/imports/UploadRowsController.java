package dev.leadport.imports;

import dev.leadport.users.Users;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review grid of a stored upload: its rows with problems, edits of cells, dropped rows and replace rules. */
@RestController
@RequestMapping("/api/leads/import-export/uploads/{id}")
class UploadRowsController {

    private final UploadEdits edits;
    private final Users users;

    UploadRowsController(UploadEdits edits, Users users) {
        this.edits = edits;
        this.users = users;
    }

    /** New values by column header, e.g. {"cells": {"Email": "ada@example.com"}}. */
    record CellEdit(Map<String, String> cells) {}

    /** Replace {@code from} (trimmed, any case; "" for empty cells) with {@code to} in the column with this header. */
    record Replace(String column, String from, String to) {}

    @GetMapping("/problems")
    UploadEdits.GridPage problems(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "25") int size,
            @RequestParam(required = false) String column,
            @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "true") boolean counts) {
        return edits.problems(id, column, reason, page, size, counts, users.current());
    }

    @PutMapping("/rows/{row}")
    UploadEdits.GridRow edit(@PathVariable UUID id, @PathVariable long row, @RequestBody CellEdit body) {
        return edits.edit(id, row, body.cells(), users.current());
    }

    @DeleteMapping("/rows/{row}")
    UploadEdits.GridRow drop(@PathVariable UUID id, @PathVariable long row) {
        return edits.drop(id, row, users.current());
    }

    @PostMapping("/replace")
    UploadEdits.Replaced replace(@PathVariable UUID id, @RequestBody Replace body) {
        return edits.replace(id, body.column(), body.from(), body.to(), users.current());
    }
}
