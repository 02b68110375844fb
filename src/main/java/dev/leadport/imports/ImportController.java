package dev.leadport.imports;

import dev.leadport.imports.jobs.ImportUndo;
import dev.leadport.leads.CustomFields;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.files.FileStore;
import dev.leadport.users.CurrentUser;
import dev.leadport.users.Users;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The import API: validate (dry run), import, follow, cancel, undo, error report and template. */
@RestController
@RequestMapping("/api/leads/import-export")
class ImportController {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
    private static final TypeReference<Map<String, Map<String, String>>> VALUE_MAPS = new TypeReference<>() {};
    private static final TypeReference<Map<String, List<String>>> NEW_OPTIONS = new TypeReference<>() {};

    private final ImportService imports;
    private final ImportProgress progress;
    private final CustomFields customFields;
    private final Users users;
    private final JsonMapper json;
    private final Clock clock;
    private final UploadChecks checks;
    private final ImportUploads uploads;

    ImportController(
            ImportService imports,
            ImportProgress progress,
            CustomFields customFields,
            Users users,
            JsonMapper json,
            Clock clock,
            UploadChecks checks,
            ImportUploads uploads) {
        this.imports = imports;
        this.progress = progress;
        this.customFields = customFields;
        this.users = users;
        this.json = json;
        this.clock = clock;
        this.checks = checks;
        this.uploads = uploads;
    }

    /** The value parameters of validate and import: value maps, constants, strict warning kinds. */
    record ValueParameters(
            String valueMaps, String constants, String overrideConstants, String strict, String newOptions) {}

    @PostMapping(
            path = "/validate",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<Object> validate(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) UUID uploadId,
            @RequestParam(defaultValue = "false") boolean background,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String defaultRegion,
            @RequestParam(required = false) String dateOrder,
            @RequestParam(required = false) String statusValues,
            @RequestParam(required = false) String duplicateMode,
            @RequestParam(required = false) String valueMaps,
            @RequestParam(required = false) String constants,
            @RequestParam(required = false) String overrideConstants,
            @RequestParam(required = false) String strict,
            @RequestParam(required = false) String newOptions,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String headerRow,
            @RequestParam(required = false) String matchBy)
            throws IOException {
        ImportService.ImportRequest request = request(
                        mapping,
                        defaultRegion,
                        dateOrder,
                        statusValues,
                        duplicateMode,
                        new ValueParameters(valueMaps, constants, overrideConstants, strict, newOptions),
                        null)
                .readingAs(encoding, headerRow(headerRow))
                .matchingBy(MatchKey.parse(matchBy));
        if (uploadId != null) {
            UploadChecks.Answer answer = checks.validate(uploadId, request, users.current(), background);
            return answer.report() != null
                    ? ResponseEntity.ok(answer.report())
                    : ResponseEntity.accepted()
                            .location(URI.create("/api/leads/import-export/uploads/" + uploadId + "/checks/"
                                    + answer.check().checkId()))
                            .body(answer.check());
        }
        return ResponseEntity.ok(withUpload(file, upload -> imports.validate(upload, request, users.current())));
    }

    @PostMapping(
            path = "/import",
            consumes = {MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<ImportJobView> importFile(
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) UUID uploadId,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String defaultRegion,
            @RequestParam(required = false) String dateOrder,
            @RequestParam(required = false) String statusValues,
            @RequestParam(required = false) String duplicateMode,
            @RequestParam(required = false) String valueMaps,
            @RequestParam(required = false) String constants,
            @RequestParam(required = false) String overrideConstants,
            @RequestParam(required = false) String strict,
            @RequestParam(required = false) String newOptions,
            @RequestParam(required = false) String reviewToken,
            @RequestParam(defaultValue = "false") boolean publishMapping,
            @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String headerRow,
            @RequestParam(required = false) String matchBy)
            throws IOException {
        ImportService.ImportRequest request = request(
                        mapping,
                        defaultRegion,
                        dateOrder,
                        statusValues,
                        duplicateMode,
                        new ValueParameters(valueMaps, constants, overrideConstants, strict, newOptions),
                        reviewToken)
                .readingAs(encoding, headerRow(headerRow))
                .matchingBy(MatchKey.parse(matchBy));
        ImportService.ImportRequest publishing = new ImportService.ImportRequest(
                request.mapping(), request.options(), request.duplicateMode(), request.reviewToken(), publishMapping);
        CurrentUser actor = users.current();
        ImportJobView job = uploadId != null
                ? uploads.start(uploadId, publishing, actor)
                : withUpload(file, upload -> imports.start(upload, publishing, actor));
        return ResponseEntity.accepted()
                .location(URI.create("/api/leads/import-export/imports/" + job.id()))
                .body(job);
    }

    @GetMapping("/imports")
    List<ImportJobView> list(@RequestParam(defaultValue = "50") int size, @RequestParam(required = false) Long before) {
        return imports.list(users.current(), size, before);
    }

    @GetMapping("/imports/{id}")
    ImportJobView get(@PathVariable long id) {
        return imports.get(id, users.current());
    }

    @GetMapping(path = "/imports/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id) {
        CurrentUser user = users.current();
        imports.get(id, user);
        return progress.follow(id, user);
    }

    @PostMapping("/imports/{id}/cancel")
    ImportJobView cancel(@PathVariable long id) {
        return imports.cancel(id, users.current());
    }

    @PostMapping("/imports/{id}/undo")
    ImportUndo.UndoResult undo(@PathVariable long id) {
        return imports.undo(id, users.current());
    }

    @GetMapping("/imports/{id}/errors")
    ResponseEntity<StreamingResponseBody> errors(@PathVariable long id) {
        CurrentUser user = users.current();
        ImportJobView job = imports.requireErrorReport(id, user);
        String name = "errors-" + FileStore.sanitise(job.fileName()).replaceAll("\\.(csv|tsv|txt|xlsx)$", "") + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out -> imports.writeErrors(id, user, out));
    }

    @GetMapping("/imports/{id}/success")
    ResponseEntity<StreamingResponseBody> success(@PathVariable long id) {
        CurrentUser user = users.current();
        ImportJobView job = imports.requireSuccessReport(id, user);
        String name = "success-" + FileStore.sanitise(job.fileName()).replaceAll("\\.(csv|tsv|txt|xlsx)$", "") + ".csv";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out -> imports.writeSuccess(id, user, out));
    }

    @GetMapping("/template")
    ResponseEntity<StreamingResponseBody> template(@RequestParam(defaultValue = "csv") String format) {
        TemplateWriter template = new TemplateWriter(customFields.all());
        String kind = format.toLowerCase(Locale.ROOT);
        if (!kind.equals("csv") && !kind.equals("xlsx")) {
            throw new InvalidInputException("format", "'" + format + "' is not csv or xlsx");
        }
        String name = "leadport-import-template-" + LocalDate.now(clock) + "." + kind;
        MediaType type = kind.equals("csv")
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name))
                .contentType(type)
                .body(kind.equals("csv") ? template::writeCsv : template::writeXlsx);
    }

    private ImportService.ImportRequest request(
            String mapping,
            String defaultRegion,
            String dateOrder,
            String statusValues,
            String duplicateMode,
            ValueParameters values,
            String reviewToken) {
        DuplicateMode mode = null;
        if (duplicateMode != null && !duplicateMode.isBlank()) {
            try {
                mode = DuplicateMode.valueOf(duplicateMode.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "duplicateMode", "'" + duplicateMode + "' is not one of SKIP, UPDATE, CREATE");
            }
        }
        Boolean override = null;
        if (values.overrideConstants() != null && !values.overrideConstants().isBlank()) {
            String flag = values.overrideConstants().strip().toLowerCase(Locale.ROOT);
            if (!flag.equals("true") && !flag.equals("false")) {
                throw new InvalidInputException(
                        "overrideConstants", "'" + values.overrideConstants() + "' is not true or false");
            }
            override = flag.equals("true");
        }
        return new ImportService.ImportRequest(
                jsonMap("mapping", mapping),
                new ImportRequestOptions(
                        defaultRegion,
                        dateOrder,
                        jsonMap("statusValues", statusValues),
                        valueMaps(values.valueMaps()),
                        jsonMap("constants", values.constants()),
                        override,
                        values.strict() == null ? null : List.of(values.strict()),
                        newOptions(values.newOptions()),
                        null,
                        null,
                        null),
                mode,
                reviewToken == null || reviewToken.isBlank() ? null : reviewToken.strip(),
                false);
    }

    private Map<String, List<String>> newOptions(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, NEW_OPTIONS);
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    "newOptions",
                    "is not a JSON object of field key to a list of options, e.g. {\"tier\": [\"Platinum\"]}");
        }
    }

    private Map<String, Map<String, String>> valueMaps(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Map<String, Map<String, String>> given = json.readValue(text, VALUE_MAPS);
            Map<String, Map<String, String>> clean = new java.util.LinkedHashMap<>();
            // null stands for "leave empty" as "" does.
            given.forEach((target, values) -> {
                Map<String, String> copy = new java.util.LinkedHashMap<>();
                if (values != null) {
                    values.forEach((from, to) -> copy.put(from, to == null ? "" : to));
                }
                clean.put(target, copy);
            });
            return clean;
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    "valueMaps",
                    "is not a JSON object of target to (value to value), e.g. {\"status\": {\"Hot\": \"QUALIFIED\"}}");
        }
    }

    private static Integer headerRow(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("headerRow", "'" + text + "' is not a row number");
        }
    }

    private Map<String, String> jsonMap(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JacksonException e) {
            throw new InvalidInputException(
                    field, "is not a JSON object of text to text, e.g. {\"E-mail Address\": \"email\"}");
        }
    }

    /** Spools the upload to a private temporary file (never a served path) and removes it afterwards. */
    static <T> T withUpload(MultipartFile file, UploadAction<T> action) throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", "Send the file (multipart part 'file') or the uploadId of one.");
        }
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "The file is empty.");
        }
        Path path = Files.createTempFile("leadport-upload-", ".tmp");
        try {
            file.transferTo(path);
            String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
            return action.apply(new ImportService.Upload(FileStore.sanitise(name), file.getSize(), path));
        } finally {
            Files.deleteIfExists(path);
        }
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment()
                .filename(name, java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString();
    }

    @FunctionalInterface
    interface UploadAction<T> {
        T apply(ImportService.Upload upload);
    }
}
