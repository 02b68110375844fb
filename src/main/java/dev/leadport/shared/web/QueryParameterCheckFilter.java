package dev.leadport.shared.web;

import dev.leadport.shared.Excerpt;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, with a 400 problem naming the parameter, query parameters no endpoint can use: percent-encoded bytes
 * that are not UTF-8 ({@code ?q=%FF}, which the server would turn into replacement characters or fail on) and NUL
 * characters (which PostgreSQL text cannot hold). A direct request for the error page ({@code GET /error}) is not
 * a page: it gets 404 problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class QueryParameterCheckFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    QueryParameterCheckFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/error") || path.startsWith("/error/")) {
            write(response, HttpStatus.NOT_FOUND, "Not found", "There is nothing at /error.", List.of());
            return;
        }
        Optional<Map<String, String>> problem = check(request.getQueryString());
        if (problem.isPresent()) {
            Map.Entry<String, String> p = problem.get().entrySet().iterator().next();
            write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    p.getKey() + ": " + p.getValue(),
                    List.of(Map.of("field", p.getKey(), "message", p.getValue())));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first parameter whose name or value cannot be read, with why. */
    static Optional<Map<String, String>> check(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            Optional<String> name = decode(rawName);
            Optional<String> value = decode(rawValue);
            String shownName =
                    name.map(n -> Excerpt.of(n.replace('\0', ' '), 60)).orElse("(a parameter name)");
            String reason = null;
            if (name.isEmpty() || value.isEmpty()) {
                reason = "is not valid UTF-8 once its percent-encoding is decoded";
            } else if (name.get().indexOf(0) >= 0 || value.get().indexOf(0) >= 0) {
                reason = "contains a NUL character (%00)";
            }
            if (reason != null) {
                Map<String, String> problem = new LinkedHashMap<>();
                problem.put(shownName, reason);
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Percent-decoding as the server does it ('+' is a space), refusing bytes that are not UTF-8. */
    private static Optional<String> decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    bytes.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            if (c == '+') {
                bytes.write(' ');
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private void write(
            HttpServletResponse response,
            HttpStatus status,
            String title,
            String detail,
            List<Map<String, String>> errors)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>(ProblemHandler.asMap(status, title, detail));
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
