package dev.leadport.bulk;

import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.files.SafeCsvWriter;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk update, assign, delete and restore with per-lead results; small operations answer 200 with the outcome,
 * large ones 202 with the Location of the operation to follow.
 */
@RestController
@RequestMapping("/api/leads/bulk")
class BulkController {

    private final BulkService bulk;
    private final Users users;

    BulkController(BulkService bulk, Users users) {
        this.bulk = bulk;
        this.users = users;
    }

    @PostMapping("/update")
    ResponseEntity<BulkOperationView> update(
            @RequestBody BulkRequest request, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(bulk.update(request, dryRun, users.current()));
    }

    @PostMapping("/assign")
    ResponseEntity<BulkOperationView> assign(
            @RequestBody BulkRequest request, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(bulk.assign(request, dryRun, users.current()));
    }

    @PostMapping("/delete")
    ResponseEntity<BulkOperationView> delete(
            @RequestBody BulkRequest request, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(bulk.delete(request, dryRun, users.current()));
    }

    @PostMapping("/restore")
    ResponseEntity<BulkOperationView> restore(
            @RequestBody BulkRequest request, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(bulk.restore(request, dryRun, users.current()));
    }

    @PostMapping("/{operationId}/undo")
    ResponseEntity<BulkOperationView> undo(@PathVariable long operationId) {
        return answer(bulk.undo(operationId, users.current()));
    }

    /** The operation with its progress; {@code results} limits the per-lead results shown (0 for none). */
    @GetMapping("/{operationId}")
    BulkOperationView get(@PathVariable long operationId, @RequestParam(required = false) Integer results) {
        return bulk.get(operationId, results, users.current());
    }

    /** Every result as CSV: the id as given, the result and the reason. */
    @GetMapping("/{operationId}/results.csv")
    void results(@PathVariable long operationId, HttpServletResponse response) throws IOException {
        CurrentUser user = users.current();
        BulkOperationView operation = bulk.get(operationId, user);
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("bulk-" + operation.operationId() + "-results.csv")
                        .build()
                        .toString());
        // Ids and messages echo what the client sent (an id may be "=HYPERLINK(...)"): every cell is neutralised.
        SafeCsvWriter csv = SafeCsvWriter.to(response.getOutputStream());
        csv.row("id", "result", "message");
        try {
            bulk.results(operationId, user, row -> {
                csv.row(row.ref(), row.result().name(), row.message());
            });
        } catch (UncheckedIOException e) {
            return; // the client went away
        }
        csv.flush();
    }

    @GetMapping("/recycle-bin")
    RecycleBinPage recycleBin(@RequestParam(required = false) Long after, @RequestParam(defaultValue = "50") int size) {
        return bulk.recycleBin(after, size, users.current());
    }

    private static ResponseEntity<BulkOperationView> answer(BulkOperationView view) {
        if (view.status() == OperationStatus.QUEUED || view.status() == OperationStatus.RUNNING) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create(view.links().get("self")))
                    .body(view);
        }
        return ResponseEntity.ok(view);
    }
}
