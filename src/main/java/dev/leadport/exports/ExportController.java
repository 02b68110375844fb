package dev.leadport.exports;

import dev.leadport.leads.LeadFilter;
import dev.leadport.leads.LeadFilterParams;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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
    void export(LeadFilterParams filter, FileParams file, HttpServletResponse response) throws IOException {
        CurrentUser user = users.current();
        ExportRequest request = file.toRequest(exports, filter.toFilter(users));
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
    ExportPreview preview(LeadFilterParams filter, FileParams file) {
        ExportRequest request = file.toRequest(exports, filter.toFilter(users));
        return exports.preview(request, users.current());
    }

    /**
     * How the file looks: {@code fields} (keys or labels, in order), {@code format} (csv, xlsx), {@code bom},
     * {@code header} (labels, keys), {@code neutralise} (formula-like values get an apostrophe; default on).
     */
    record FileParams(String fields, String format, Boolean bom, String header, Boolean neutralise) {

        ExportRequest toRequest(ExportService exports, LeadFilter filter) {
            return exports.request(
                    filter,
                    fields,
                    ExportFormat.parse(format),
                    Boolean.TRUE.equals(bom),
                    HeaderStyle.parse(header),
                    !Boolean.FALSE.equals(neutralise));
        }
    }
}
