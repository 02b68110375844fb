package dev.leadport.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Leadport API over HTTP: JSON calls, a multipart upload and downloads to a file, each signed with the token.
 * Every error answer, refused connection or broken download becomes a {@link CliFailure} with one line.
 */
final class Server {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

    private final URI base;
    private final String token;
    private final HttpClient client;

    Server(URI base, String token) {
        this.base = base;
        this.token = token;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    URI base() {
        return base;
    }

    JsonNode get(String path) throws CliFailure {
        return json(request(path).GET().timeout(CALL_TIMEOUT).header("Accept", "application/json"));
    }

    JsonNode post(String path, Object body) throws CliFailure {
        byte[] bytes = JSON.writeValueAsBytes(body);
        return json(request(path)
                .timeout(CALL_TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(bytes)));
    }

    /** A multipart/form-data POST of the file as part {@code file} and the text fields, streamed from disk. */
    JsonNode postFile(String path, Path file, Map<String, String> fields) throws CliFailure {
        String boundary = "leadport-cli-" + UUID.randomUUID();
        List<BodyPublisher> parts = new ArrayList<>();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        head.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(file.getFileName()
                        .toString()
                        .replace("\"", "_")
                        .replace("\r", "_")
                        .replace("\n", "_"))
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        parts.add(BodyPublishers.ofString(head.toString(), StandardCharsets.UTF_8));
        try {
            parts.add(BodyPublishers.ofFile(file));
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + file + ": " + e.getMessage());
        }
        parts.add(BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return json(request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(parts.toArray(BodyPublisher[]::new))));
    }

    /**
     * Downloads into a temporary file next to {@code target} and renames it once the whole body arrived; an error
     * answer or a body that breaks off leaves no file behind. Returns the bytes written.
     */
    long download(String path, Path target) throws CliFailure {
        Path dir = target.toAbsolutePath().getParent();
        Path partial;
        try {
            partial = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw CliFailure.usage("cannot write in " + dir + ": " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response =
                    send(request(path).GET().header("Accept", "*/*"), BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw failure(
                            response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(null),
                            new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8));
                }
                long expected =
                        response.headers().firstValueAsLong("Content-Length").orElse(-1);
                long written = Files.copy(body, partial, StandardCopyOption.REPLACE_EXISTING);
                if (expected >= 0 && written != expected) {
                    throw CliFailure.server("the download of " + path + " broke off after " + written + " of "
                            + expected + " bytes; " + target + " was not written");
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return written;
            } catch (IOException e) {
                throw CliFailure.server(
                        "the download of " + path + " broke off (" + describe(e) + "); " + target + " was not written");
            }
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // Best effort: a leftover .part file names itself as incomplete.
            }
        }
    }

    /** The path with its query: each pair's value encoded, pairs with a null value left out. */
    static String query(String path, List<Map.Entry<String, String>> pairs) {
        StringBuilder url = new StringBuilder(path);
        char sep = path.contains("?") ? '&' : '?';
        for (Map.Entry<String, String> pair : pairs) {
            if (pair.getValue() == null) {
                continue;
            }
            url.append(sep)
                    .append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return url.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("User-Agent", "leadport-cli");
    }

    private JsonNode json(HttpRequest.Builder request) throws CliFailure {
        HttpResponse<String> response = send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        String type = response.headers().firstValue("Content-Type").orElse(null);
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), type, response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (JacksonException e) {
            throw CliFailure.server("the server's answer to "
                    + response.request().uri().getPath() + " is not JSON (is " + base + " a Leadport server?)");
        }
    }

    private CliFailure failure(int status, String contentType, String body) {
        return Problem.failure(status, contentType, body, JSON);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
            throws CliFailure {
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw CliFailure.server("cannot reach " + base + " (" + describe(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliFailure.server("interrupted while waiting for " + base);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : Problem.oneLine(message);
    }
}
