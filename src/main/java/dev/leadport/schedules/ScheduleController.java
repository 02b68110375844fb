package dev.leadport.schedules;

import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

/**
 * Export schedules and their run history. REPs manage their own schedules (which export only their own leads);
 * MANAGERs and ADMINs see and manage everyone's.
 */
@RestController
@RequestMapping("/api/leads/import-export/schedules")
class ScheduleController {

    static final String DESTINATIONS = """
            Without a destination the file is mailed to the recipients (or the owner). With one it is uploaded:
            `"destination": {"type": "SFTP", "host": "sftp.example.com", "port": 22, "username": "leadport",
            "password": "...", "folder": "/incoming", "hostKey": "SHA256:..."}` (or `privateKey` in PEM or OpenSSH
            form, with `passphrase`). `hostKey` is the server key's SHA-256 fingerprint and is required. Or
            `"destination": {"type": "HTTPS", "url": "https://crm.example.com/in/{file}", "method": "PUT",
            "headers": {"Authorization": "Bearer ..."}}`: the file is the request body. Secrets (and header values) are
            write-only: answers show `passwordSet`, `privateKeySet` and header names. `"delta": true` makes each run
            export only the leads created or changed since the last delivered run, and list the leads deleted since
            in a second file (`<name>-deleted.csv`; `?part=deleted` on the run's file). REPs may use destinations only on the hosts of
            `leadport.schedules.rep-destination-hosts`. Bad fields answer 400 naming `destination.<field>`.""";

    private final ScheduleService service;
    private final ScheduleRepository repository;
    private final FileStore files;
    private final Users users;
    private final Clock clock;

    ScheduleController(
            ScheduleService service, ScheduleRepository repository, FileStore files, Users users, Clock clock) {
        this.service = service;
        this.repository = repository;
        this.files = files;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping
    List<ExportSchedule> list() {
        return service.list(users.current());
    }

    @PostMapping
    @Operation(description = DESTINATIONS)
    ResponseEntity<ExportSchedule> create(@RequestBody ScheduleService.ScheduleRequest request) {
        ExportSchedule created = service.create(request, users.current());
        return ResponseEntity.created(URI.create("/api/leads/import-export/schedules/" + created.id()))
                .body(created);
    }

    @GetMapping("/{id}")
    ExportSchedule get(@PathVariable long id) {
        return service.get(id, users.current());
    }

    @PutMapping("/{id}")
    @Operation(
            description =
                    "Replaces the schedule's settings, except that a `destination` or `delta` left out keeps its"
                            + " value (`{\"type\": \"MAIL\"}` and `false` turn them off). A destination's secrets"
                            + " may be left out to keep the stored"
                            + " ones while the server stays the same (SFTP: host, port and username; HTTPS: scheme, host and port).")
    ExportSchedule update(@PathVariable long id, @RequestBody ScheduleService.ScheduleRequest request) {
        return service.update(id, request, users.current());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        service.delete(id, users.current());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/pause")
    ExportSchedule pause(@PathVariable long id) {
        return service.pause(id, users.current());
    }

    @PostMapping("/{id}/resume")
    ExportSchedule resume(@PathVariable long id) {
        return service.resume(id, users.current());
    }

    /** The latest 100 runs, newest occurrence first. */
    @GetMapping("/{id}/runs")
    List<ScheduleRun> runs(@PathVariable long id) {
        service.get(id, users.current());
        return repository.runs(id, 100);
    }

    @GetMapping("/{id}/runs/{runId}/file")
    @Operation(
            description =
                    "The run's file; with `part=deleted`, a delta run's list of the leads deleted since the"
                            + " previous delivered run (CSV: id, email, deleted_at). Example: `curl -u admin:admin -o"
                            + " deleted.csv 'http://localhost:8080/api/leads/import-export/schedules/5/runs/9/file?part=deleted'`")
    ResponseEntity<InputStreamResource> file(
            @PathVariable long id,
            @PathVariable long runId,
            @Parameter(description = "leads (default) or deleted") @RequestParam(defaultValue = "leads") String part) {
        if (!part.equals("leads") && !part.equals("deleted")) {
            throw new InvalidInputException("part", "'" + part + "' is not one of [leads, deleted]");
        }
        CurrentUser user = users.current();
        service.get(id, user);
        ScheduleRun run = repository
                .run(id, runId)
                .orElseThrow(() -> new NotFoundException("Schedule " + id + " has no run " + runId + "."));
        UUID fileId = part.equals("deleted") ? run.deletedFileId() : run.fileId();
        if (fileId == null) {
            throw new NotFoundException("Run " + runId + " has no "
                    + (part.equals("deleted") ? "list of deleted leads (it is not a delivered delta run)" : "file")
                    + " (status " + run.status() + ").");
        }
        StoredFile file = files.find(fileId)
                .filter(f -> f.expiresAt() == null || f.expiresAt().isAfter(clock.instant()))
                .orElseThrow(() -> new NotFoundException(
                        "The file of run " + runId + " has expired; files are kept for a limited time."));
        InputStream content = files.open(file.id());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .contentLength(file.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new InputStreamResource(content));
    }
}
