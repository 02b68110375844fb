package dev.leadport.cli;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answer as the client reports it: one line with the status and the problem+json {@code detail} (or {@code
 * title}), and the fields its {@code errors} name.
 */
final class Problem {

    private static final int MAX_LENGTH = 500;

    private Problem() {}

    static CliFailure failure(int status, String contentType, String body, JsonMapper json) {
        String text = null;
        List<String> fields = new ArrayList<>();
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonNode problem = json.readTree(body);
                text = firstText(problem, "detail", "title", "message", "error");
                for (JsonNode error : problem.path("errors")) {
                    if (error.path("field").isString()) {
                        fields.add(error.path("field").asString());
                    }
                }
            } catch (JacksonException e) {
                text = null; // not JSON after all: fall back to the body's text
            }
        }
        if (text == null && body != null && !body.isBlank() && (contentType == null || !contentType.contains("html"))) {
            text = body;
        }
        String line = "HTTP " + status + " " + reason(status) + (text == null ? "" : ": " + oneLine(text));
        return CliFailure.answer(status, status == 401 ? line + " (check LEADPORT_TOKEN)" : line, fields);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isString() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return null;
    }

    static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        return flat.length() > MAX_LENGTH ? flat.substring(0, MAX_LENGTH) + "…" : flat;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Server Error" : "Error";
        };
    }
}
