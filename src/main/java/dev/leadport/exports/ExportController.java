package dev.leadport.exports;

import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadStatus;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.UserAccount;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exports of the leads a filter selects. The file is written on the request thread straight into the response, so
 * it streams at the speed of the cursor, needs no async timeout however long the download takes, and a client that
 * disconnects ends the database query at once.
 */
@RestController
@RequestMapping("/api/leads/import-export/export")
class ExportController {

    private static final Logger log = LoggerFactory.getLogger(ExportController.class);

    private final ExportService exports;
    private final Users users;

    ExportController(ExportService exports, Users users) {
        this.exports = exports;
        this.users = users;
    }

    @GetMapping
    void export(
            @RequestParam(name = "status", required = false) List<LeadStatus> statuses,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedTo,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean bom,
            @RequestParam(required = false) String header,
            @RequestParam(defaultValue = "true") boolean neutralise,
            HttpServletResponse response)
            throws IOException {
        CurrentUser user = users.current();
        LeadFilter filter =
                new LeadFilter(statuses, ownerId(owner), source, createdFrom, createdTo, updatedFrom, updatedTo, q);
        ExportRequest request =
                exports.request(filter, fields, ExportFormat.parse(format), bom, HeaderStyle.parse(header), neutralise);
        response.setContentType(request.format().contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(exports.fileName(request))
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        try {
            exports.write(request, user, response.getOutputStream());
            response.flushBuffer();
        } catch (IOException e) {
            // The client closed the connection: nothing to answer and nothing wrong on our side.
            log.info("Export for {} stopped: the client disconnected ({})", user.username(), e.getMessage());
        }
    }

    @GetMapping("/preview")
    ExportPreview preview(
            @RequestParam(name = "status", required = false) List<LeadStatus> statuses,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate updatedTo,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String fields,
            @RequestParam(required = false) String format,
            @RequestParam(defaultValue = "false") boolean bom,
            @RequestParam(required = false) String header,
            @RequestParam(defaultValue = "true") boolean neutralise) {
        LeadFilter filter =
                new LeadFilter(statuses, ownerId(owner), source, createdFrom, createdTo, updatedFrom, updatedTo, q);
        ExportRequest request =
                exports.request(filter, fields, ExportFormat.parse(format), bom, HeaderStyle.parse(header), neutralise);
        return exports.preview(request, users.current());
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
