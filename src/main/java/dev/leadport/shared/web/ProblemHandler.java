package dev.leadport.shared.web;

import dev.leadport.shared.ConflictException;
import dev.leadport.shared.Excerpt;
import dev.leadport.shared.ForbiddenException;
import dev.leadport.shared.InvalidInputException;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import dev.leadport.shared.NotFoundException;
import dev.leadport.shared.events.ForbiddenAttempt;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Turns every error an API client can meet into an RFC 9457 problem: validation errors name their fields, and
 * nothing unexpected leaks a stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** Field problems listed in one answer. */
    private static final int MAX_PROBLEMS = 100;

    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final DataSize uploadLimit;

    ProblemHandler(
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${leadport.imports.max-upload-size:200MB}") DataSize uploadLimit) {
        this.uploadLimit = uploadLimit;
        this.events = events;
        this.clock = clock;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e, HttpServletRequest request) {
        if (e instanceof ForbiddenException) {
            // Refusals by the security rules are published by Spring Security; these come from service rules.
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            events.publishEvent(new ForbiddenAttempt(
                    auth == null ? null : auth.getName(),
                    request.getMethod(),
                    request.getRequestURI(),
                    e.getMessage(),
                    clock.instant()));
        }
        String detail = e instanceof ForbiddenException ? e.getMessage() : "You are not allowed to do this.";
        return problem(HttpStatus.FORBIDDEN, "Forbidden", detail);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
        p.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
        return p;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidProblem(e.problems());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "a different value" : describe(e.getRequiredType());
        return invalidProblem(
                List.of(new FieldProblem(e.getName(), "'" + Excerpt.of(e.getValue()) + "' is not " + expected)));
    }

    /** A multipart body that breaks off or has no valid boundary: the client's fault, so 400 (413 is its own case). */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail brokenMultipart(MultipartException e) {
        return invalidProblem(List.of(
                new FieldProblem("file", "The upload is not a complete multipart/form-data request; send it again.")));
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        RequestBodyLimitFilter.TITLE,
                        RequestBodyLimitFilter.detail(e.limit())));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletResponse response) throws Exception {
        if (response.isCommitted()) {
            // A stream (an export, a report) failed after its first bytes went out: a problem can no longer be
            // sent, and ending the body normally would hand the client a well-formed but short file. Left to the
            // container, the exception makes it close the connection at once, so the download visibly breaks off.
            log.error("A response failed after it began streaming; the connection is closed", e);
            throw e;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error",
                "Something went wrong on our side. Quote reference " + reference + " when you report it.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problem(
                                HttpStatus.CONTENT_TOO_LARGE,
                                RequestBodyLimitFilter.TITLE,
                                RequestBodyLimitFilter.detail(tooLarge.limit())));
            }
        }
        FieldProblem fp = new FieldProblem("body", "The request body is not valid JSON.");
        if (e.getCause() instanceof JacksonException je) {
            String path = je.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            String reason = je.getPath().isEmpty() ? "The request body is not valid JSON." : "has the wrong type";
            if (je instanceof tools.jackson.databind.exc.InvalidFormatException ife
                    && ife.getValue() instanceof String text
                    && text.indexOf(0) >= 0) {
                reason = InputRulesConfig.NUL;
            } else if (je instanceof tools.jackson.databind.exc.InvalidFormatException ife) {
                reason = "'" + Excerpt.of(ife.getValue()) + "' is not " + describe(ife.getTargetType());
            } else if (je instanceof tools.jackson.databind.exc.UnrecognizedPropertyException) {
                reason = "is not a known field";
            }
            fp = new FieldProblem(path, reason);
        }
        return ResponseEntity.badRequest().body(invalidProblem(List.of(fp)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(fe -> new FieldProblem(
                        fe.getField(),
                        fe.isBindingFailure()
                                ? "'" + Excerpt.of(fe.getRejectedValue()) + "' is not a valid value"
                                : fe.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(invalidProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err ->
                                new FieldProblem(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalidProblem(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("FileCountLimit")) {
                return ResponseEntity.badRequest()
                        .body(invalidProblem(List.of(new FieldProblem(
                                "file",
                                "The upload has too many parts; send the file and at most a few option fields."))));
            }
        }
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "File too large",
                        "The upload is larger than the limit of " + uploadLimit.toMegabytes() + " MB. Split the file"
                                + " or ask an admin to raise leadport.imports.max-upload-size."));
    }

    private static ProblemDetail invalidProblem(List<FieldProblem> allProblems) {
        // A message may quote the value it refuses: each is bounded, so a 5 MB value is not echoed back whole.
        List<FieldProblem> problems = allProblems.stream()
                .limit(MAX_PROBLEMS)
                .map(p -> new FieldProblem(Excerpt.of(p.field(), 100), Excerpt.of(p.message(), 500)))
                .toList();
        String detail = problems.isEmpty()
                ? "The request is not valid."
                : problems.stream()
                        .map(p -> p.field() + ": " + p.message())
                        .reduce((a, b) -> a + "; " + b)
                        .get();
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        p.setProperty("errors", problems);
        return p;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + List.of(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "LocalDate" -> "a date (yyyy-MM-dd)";
            case "Instant", "OffsetDateTime" -> "a date-time (ISO 8601)";
            case "Boolean", "boolean" -> "true or false";
            case "UUID" -> "a UUID";
            default -> "a valid " + type.getSimpleName();
        };
    }

    /** Problem JSON for errors raised outside MVC (security filters), written the same way. */
    public static Map<String, Object> asMap(HttpStatus status, String title, String detail) {
        return Map.of("type", "about:blank", "title", title, "status", status.value(), "detail", detail);
    }
}
