package dev.leadport.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that signs in through the sign-in form once and then calls the API with its session cookie, as the web
 * UI does. HTTP Basic checks the password hash on every request (bcrypt, tens of milliseconds by design), so a
 * latency figure taken with Basic measures the hash, not the page.
 */
public final class SignedInClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    private SignedInClient(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    public static SignedInClient signIn(int port, String user, String password)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String base = "http://localhost:" + port;
        String page = http.send(
                        HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("the sign-in page carries no CSRF token");
        }
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1));
        HttpResponse<Void> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException(
                    "sign-in as " + user + " failed: " + signedIn.statusCode() + " " + location);
        }
        return new SignedInClient(http, base);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return on(base, path);
    }

    /** The same request, with this client's session cookie, to another node on another port. */
    public HttpResponse<String> getFrom(int port, String path) throws IOException, InterruptedException {
        return on("http://localhost:" + port, path);
    }

    /** A JSON POST as the pages' scripts send it: session cookie and the CSRF token of a page. */
    public HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        Matcher token = CSRF.matcher(on(base, "/leads").body());
        if (!token.find()) {
            throw new IllegalStateException("the leads page carries no CSRF token");
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("X-CSRF-TOKEN", token.group(1))
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs out through the sign-out form of the node on {@code port}, with the CSRF token of one of its pages. */
    public HttpResponse<Void> signOutAt(int port) throws IOException, InterruptedException {
        String node = "http://localhost:" + port;
        Matcher token = CSRF.matcher(on(node, "/leads").body());
        if (!token.find()) {
            throw new IllegalStateException("the leads page carries no CSRF token");
        }
        return http.send(
                HttpRequest.newBuilder(URI.create(node + "/logout"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(token.group(1))))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private HttpResponse<String> on(String node, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(node + path))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
