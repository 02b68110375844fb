package dev.leadport.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API as a real client uses it: JSON over HTTP with Basic auth. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String authorization;

    public Api(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null
                ? null
                : "Basic "
                        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Api(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** A client that signs in with a personal API token ({@code Authorization: Bearer}). */
    public static Api bearer(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET as a browser sends it, asking for HTML. */
    public Response getPage(String path) {
        return send(request(path).header("Accept", "text/html").GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(json(request(path), body).POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(json(request(path), body).PUT(publisher(body)));
    }

    /** Sends the text as-is with the given content type, for malformed bodies. */
    public Response postRaw(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(BodyPublishers.ofString(body)));
    }

    /** A multipart/form-data POST; values that are {@link FilePart}s go as files, the rest as text fields. */
    public Response postMultipart(String path, Map<String, ?> parts) {
        String boundary = "leadport-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, ?> part : parts.entrySet()) {
                out.write(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
                if (part.getValue() instanceof FilePart file) {
                    out.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"; filename=\""
                                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.write(file.content());
                } else {
                    out.write(("Content-Disposition: form-data; name=\"" + part.getKey() + "\"\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.write(String.valueOf(part.getValue()).getBytes(StandardCharsets.UTF_8));
                }
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return send(request(path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(out.toByteArray())));
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body) {
        return builder.header("Content-Type", "application/json").header("Accept", "application/json");
    }

    private static BodyPublisher publisher(Object body) {
        return body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(JSON.writeValueAsString(body));
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(builder.build(), BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A file to upload. */
    public record FilePart(String fileName, String contentType, byte[] content) {
        public static FilePart csv(String fileName, String text) {
            return new FilePart(fileName, "text/csv", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What came back. */
    public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {
        public String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(bytes);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
