package dev.leadport.exports;

import dev.leadport.leads.LeadFilterParams;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Background exports: started with the same parameters as a download (202 and the job's Location), followed by
 * polling the job, and downloaded once written, until the file's retention passes. REPs see only their own jobs.
 */
@RestController
@RequestMapping("/api/leads/import-export/exports")
class ExportJobController {

    private static final Logger log = LoggerFactory.getLogger(ExportJobController.class);

    private final ExportService exports;
    private final ExportJobService jobs;
    private final Users users;

    ExportJobController(ExportService exports, ExportJobService jobs, Users users) {
        this.exports = exports;
        this.jobs = jobs;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<ExportJobView> start(LeadFilterParams filter, ExportController.FileParams file) {
        ExportRequest request = file.toRequest(exports, filter.toFilter(users));
        ExportJobView job = jobs.start(request, users.current());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(job.links().get("self")))
                .body(job);
    }

    @GetMapping("/{id}")
    ExportJobView get(@PathVariable long id) {
        return jobs.get(id, users.current());
    }

    @GetMapping("/{id}/file")
    void file(@PathVariable long id, HttpServletResponse response) throws IOException {
        CurrentUser user = users.current();
        StoredFile file = jobs.file(id, user);
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.size());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file.name()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try (InputStream in = jobs.open(file)) {
            in.transferTo(response.getOutputStream());
            response.flushBuffer();
        } catch (IOException e) {
            log.info("Download of export {} by {} stopped: {}", id, user.username(), e.getMessage());
        }
    }
}
