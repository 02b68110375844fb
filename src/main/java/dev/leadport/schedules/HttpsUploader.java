package dev.leadport.schedules;

import dev.leadport.shared.files.FileStore;
import dev.leadport.shared.files.StoredFile;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * Uploads a run's files to an HTTPS URL, one PUT or POST per file with the file as the body, the destination's
 * headers, and time-outs. A 2xx answer delivers the file; 408, 425, 429, 5xx, a time-out or a refused connection are
 * retried with the run; any other answer (a 401, 403 or 404 will not mend by itself) fails the run at once.
 */
@Component
class HttpsUploader {

    /** Names the part a request carries: {@code leads}, or {@code deleted} for a delta's list of deleted leads. */
    static final String PART_HEADER = "Leadport-File";

    private final FileStore files;
    private final DestinationRules rules;
    private final SchedulesProperties properties;
    private final HttpClient client;

    HttpsUploader(FileStore files, DestinationRules rules, SchedulesProperties properties) {
        this.files = files;
        this.rules = rules;
        this.properties = properties;
        this.client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Uploads each file in order; {@code parts} names each file's part. */
    void upload(Destination destination, Destination.Secrets secrets, List<StoredFile> stored, List<String> parts) {
        for (int i = 0; i < stored.size(); i++) {
            put(destination, secrets, stored.get(i), parts.get(i));
        }
    }

    private void put(Destination destination, Destination.Secrets secrets, StoredFile file, String part) {
        URI uri = URI.create(destination
                .url()
                .replace(
                        "{file}",
                        URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20")));
        rules.check(uri.getHost()); // again before each upload: a name may point elsewhere by now
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(properties.uploadTimeout())
                .method(
                        destination.method(),
                        HttpRequest.BodyPublishers.fromPublisher(
                                HttpRequest.BodyPublishers.ofInputStream(() -> files.open(file.id())), file.size()))
                .header("Content-Type", file.contentType())
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(file.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(PART_HEADER, part);
        secrets.headers().forEach(request::header);
        String where = withoutQuery(uri);
        HttpResponse<Void> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryFailed(
                    "HTTPS upload of " + file.name() + " to " + where + " failed: " + message(e), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("HTTPS upload of " + file.name() + " was interrupted", true, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
            throw new DeliveryFailed(
                    "HTTPS upload of " + file.name() + " to " + where + " answered " + status
                            + (retry ? "" : ", which a retry would not change"),
                    retry,
                    null);
        }
    }

    /** The URL without its query, which may hold a token: errors and logs show only this. */
    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
