package dev.leadport.imports;

import dev.leadport.users.Users;
import java.io.IOException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stored uploads: send the file once, then validate and import it by {@code uploadId}, follow and cancel the dry run
 * of a large file. The edits of the review grid are in {@link UploadRowsController}.
 */
@RestController
@RequestMapping("/api/leads/import-export/uploads")
class UploadController {

    private final ImportUploads uploads;
    private final UploadChecks checks;
    private final Users users;

    UploadController(ImportUploads uploads, UploadChecks checks, Users users) {
        this.uploads = uploads;
        this.checks = checks;
        this.users = users;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<UploadView> upload(@RequestParam(required = false) MultipartFile file) throws IOException {
        UploadView view = ImportController.withUpload(file, upload -> uploads.store(upload, users.current()));
        return ResponseEntity.created(URI.create("/api/leads/import-export/uploads/" + view.uploadId()))
                .body(view);
    }

    @GetMapping("/{id}")
    UploadView get(@PathVariable UUID id) {
        return uploads.describe(uploads.require(id, users.current()), users.current());
    }

    @GetMapping("/{id}/checks/{checkId}")
    UploadCheckView check(@PathVariable UUID id, @PathVariable long checkId) {
        return checks.get(id, checkId, users.current());
    }

    @PostMapping("/{id}/checks/{checkId}/cancel")
    UploadCheckView cancel(@PathVariable UUID id, @PathVariable long checkId) {
        return checks.cancel(id, checkId, users.current());
    }
}
