package dev.leadport.schedules;

import dev.leadport.shared.InternalAddresses;
import dev.leadport.shared.InvalidInputException.FieldProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a schedule's SFTP or HTTPS destination field by field, keeps stored secrets that a change leaves out (only
 * while they would go to the same server), and refuses addresses inside Leadport's network unless allowed.
 */
@Component
class DestinationRules {

    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-:\\[\\]]{1,253}$");
    private static final Pattern HEADER_NAME = Pattern.compile("^[A-Za-z0-9!#$%&'*+.^_`|~\\-]{1,100}$");
    private static final Pattern FINGERPRINT = Pattern.compile("^SHA256:[A-Za-z0-9+/]{43}=?$");
    /** Headers the upload sets itself, or that the HTTP client refuses to take from a caller. */
    private static final Set<String> RESERVED_HEADERS =
            Set.of("connection", "content-length", "content-type", "expect", "host", "upgrade", "content-disposition");

    static final int MAX_HEADERS = 20;

    private final SchedulesProperties properties;

    DestinationRules(SchedulesProperties properties) {
        this.properties = properties;
    }

    /** What the API sends; secrets may be left out on a change to keep the stored ones. */
    @Schema(
            description = "SFTP: type, host, port (22), username, password and/or privateKey (PEM or OpenSSH, with"
                    + " passphrase if it has one), folder (the user's home if left out) and hostKey (the server key's SHA-256"
                    + " fingerprint or its public key line). HTTPS: type, url (may hold {file} for the file name), method"
                    + " (PUT or POST) and headers. Secrets are write-only.")
    record DestinationRequest(
            String type,
            String host,
            Integer port,
            String username,

            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY)
            String password,

            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY)
            String privateKey,

            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY)
            String passphrase,

            String folder,
            String hostKey,
            String url,
            String method,

            @Schema(accessMode = Schema.AccessMode.WRITE_ONLY)
            Map<String, String> headers) {

        @Override
        public String toString() {
            return "DestinationRequest[" + type + "]";
        }
    }

    /** A checked destination and its secrets; null for a mail-only schedule. */
    record Checked(Destination destination, Destination.Secrets secrets) {}

    /**
     * Checks the request against the stored destination (null when there is none), adding each problem under
     * {@code destination.<field>}; returns null for mail only.
     */
    Checked check(DestinationRequest request, Checked stored, List<FieldProblem> problems) {
        if (request == null
                || request.type() == null
                || request.type().isBlank()
                || request.type().strip().equalsIgnoreCase("MAIL")) {
            return null;
        }
        Destination.Type type;
        try {
            type = Destination.Type.valueOf(request.type().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(
                    new FieldProblem("destination.type", "'" + request.type() + "' is not one of [MAIL, SFTP, HTTPS]"));
            return null;
        }
        Destination.Secrets kept = stored == null ? Destination.Secrets.NONE : stored.secrets();
        return type == Destination.Type.SFTP
                ? sftp(request, stored == null ? null : stored.destination(), kept, problems)
                : https(request, stored == null ? null : stored.destination(), kept, problems);
    }

    private Checked sftp(
            DestinationRequest r, Destination stored, Destination.Secrets kept, List<FieldProblem> problems) {
        int before = problems.size();
        String host = r.host() == null ? "" : r.host().strip();
        if (!HOST.matcher(host).matches()) {
            problems.add(new FieldProblem("destination.host", "is required: the SFTP server's name or address"));
        } else {
            address("destination.host", host, problems);
        }
        int port = r.port() == null ? 22 : r.port();
        if (port < 1 || port > 65535) {
            problems.add(new FieldProblem("destination.port", "'" + port + "' is not a port (1 to 65535)"));
        }
        String username = r.username() == null ? "" : r.username().strip();
        if (username.isEmpty() || username.length() > 100 || hasControl(username)) {
            problems.add(new FieldProblem("destination.username", "is required (at most 100 characters)"));
        }
        String folder =
                r.folder() == null || r.folder().isBlank() ? "." : r.folder().strip();
        if (folder.length() > 1000 || hasControl(folder)) {
            problems.add(new FieldProblem("destination.folder", "must be a path of at most 1000 characters"));
        }
        String hostKey = hostKey(r.hostKey(), problems);
        boolean sameServer = stored != null
                && stored.type() == Destination.Type.SFTP
                && host.equalsIgnoreCase(stored.host())
                && port == stored.port()
                && username.equals(stored.username());
        String password = given(r.password()) ? r.password() : sameServer ? kept.password() : null;
        String privateKey = given(r.privateKey()) ? r.privateKey() : sameServer ? kept.privateKey() : null;
        String passphrase = given(r.passphrase()) ? r.passphrase() : sameServer ? kept.passphrase() : null;
        if (password == null && privateKey == null) {
            problems.add(new FieldProblem(
                    "destination.password",
                    "give a password or a privateKey"
                            + (stored != null ? " (stored ones are kept only for the same host, port and user)" : "")));
        }
        if (password != null && password.length() > 1000) {
            problems.add(new FieldProblem("destination.password", "is longer than 1000 characters"));
        }
        if (privateKey != null) {
            String problem = SftpUploader.keyProblem(privateKey, passphrase);
            if (problem != null) {
                problems.add(new FieldProblem("destination.privateKey", problem));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Checked(
                Destination.sftp(host, port, username, folder, hostKey, password != null, privateKey != null),
                new Destination.Secrets(password, privateKey, passphrase, Map.of()));
    }

    private static String hostKey(String raw, List<FieldProblem> problems) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            problems.add(new FieldProblem(
                    "destination.hostKey",
                    "is required: the server's host key fingerprint (SHA256:...), e.g. from"
                            + " 'ssh-keyscan HOST | ssh-keygen -lf -', or its public key line"));
            return null;
        }
        if (FINGERPRINT.matcher(value).matches()) {
            return value.endsWith("=") ? value.substring(0, value.length() - 1) : value;
        }
        String fingerprint = SftpUploader.fingerprintOfKeyLine(value);
        if (fingerprint == null) {
            problems.add(new FieldProblem(
                    "destination.hostKey", "is neither a SHA256: fingerprint nor an OpenSSH public key line"));
        }
        return fingerprint;
    }

    private Checked https(
            DestinationRequest r, Destination stored, Destination.Secrets kept, List<FieldProblem> problems) {
        int before = problems.size();
        String url = r.url() == null ? "" : r.url().strip();
        URI uri = null;
        if (url.isEmpty() || url.length() > 2000) {
            problems.add(new FieldProblem("destination.url", "is required (at most 2000 characters)"));
        } else {
            uri = uri(url, problems);
        }
        String method = r.method() == null || r.method().isBlank()
                ? "PUT"
                : r.method().strip().toUpperCase(Locale.ROOT);
        if (!method.equals("PUT") && !method.equals("POST")) {
            problems.add(new FieldProblem("destination.method", "'" + r.method() + "' is not one of [PUT, POST]"));
        }
        Map<String, String> headers;
        if (r.headers() != null) {
            headers = headers(r.headers(), problems);
        } else if (stored != null
                && stored.type() == Destination.Type.HTTPS
                && uri != null
                && sameOrigin(uri, stored.url())) {
            headers = kept.headers();
        } else {
            headers = Map.of();
        }
        if (problems.size() > before) {
            return null;
        }
        return new Checked(
                Destination.https(url, method, new ArrayList<>(headers.keySet())),
                new Destination.Secrets(null, null, null, headers));
    }

    private URI uri(String url, List<FieldProblem> problems) {
        URI uri;
        try {
            uri = new URI(url.replace("{file}", "file"));
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("destination.url", "is not a valid URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && properties.allowHttp())) {
            problems.add(new FieldProblem("destination.url", "must start with https://"));
            return null;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            problems.add(new FieldProblem(
                    "destination.url", "must name a host, without user, password or #fragment (use headers)"));
            return null;
        }
        return address("destination.url", uri.getHost(), problems) ? uri : null;
    }

    private static boolean sameOrigin(URI uri, String storedUrl) {
        try {
            URI stored = new URI(storedUrl.replace("{file}", "file"));
            return uri.getScheme().equalsIgnoreCase(stored.getScheme())
                    && uri.getHost().equalsIgnoreCase(stored.getHost())
                    && uri.getPort() == stored.getPort();
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, String> headers(Map<String, String> raw, List<FieldProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw.size() > MAX_HEADERS) {
            problems.add(new FieldProblem("destination.headers", "at most " + MAX_HEADERS + " headers"));
            return out;
        }
        raw.forEach((name, value) -> {
            String field = "destination.headers." + name;
            if (name == null || !HEADER_NAME.matcher(name).matches()) {
                problems.add(new FieldProblem(field, "is not a header name"));
            } else if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem(field, "is set by the upload itself and cannot be given"));
            } else if (value == null || value.length() > 4000 || hasControl(value)) {
                problems.add(new FieldProblem(field, "needs a value of at most 4000 characters without line breaks"));
            } else {
                out.put(name, value);
            }
        });
        return out;
    }

    /** Resolves the host and refuses internal addresses unless allowed; true when the host is acceptable. */
    boolean address(String field, String host, List<FieldProblem> problems) {
        try {
            check(host);
            return true;
        } catch (RefusedAddress e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return false;
        }
    }

    /**
     * Resolves the host, refusing it when it does not resolve or (unless allowed) resolves to an internal address;
     * checked on every change and again before every delivery, since a name may later point elsewhere.
     */
    InetAddress[] check(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedAddress("names a host that does not resolve: " + host);
        }
        if (!properties.allowPrivateAddresses()) {
            for (InetAddress address : addresses) {
                if (InternalAddresses.isInternal(address)) {
                    throw new RefusedAddress("resolves to an internal address (" + address.getHostAddress()
                            + "), which is refused (leadport.schedules.allow-private-addresses)");
                }
            }
        }
        return addresses;
    }

    private static boolean given(String secret) {
        return secret != null && !secret.isEmpty();
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** A destination host that may not be used; its message says why. */
    static class RefusedAddress extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RefusedAddress(String message) {
            super(message);
        }
    }
}
