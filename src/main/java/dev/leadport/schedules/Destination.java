package dev.leadport.schedules;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Where a schedule's files go besides mail, as stored and as the API shows it: everything but the secrets, which
 * are kept apart ({@link Secrets}) and only said to be set.
 *
 * @param hostKey the SFTP server's host key as its SHA-256 fingerprint ({@code SHA256:...}); a server showing any
 *     other key is refused
 * @param headers the names of the extra HTTPS request headers (their values are secrets)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "Where the files go besides mail. Secrets are never shown; passwordSet and privateKeySet say"
                + " whether one is stored.")
record Destination(
        Type type,
        String host,
        Integer port,
        String username,
        String folder,
        String hostKey,
        Boolean passwordSet,
        Boolean privateKeySet,
        String url,
        String method,
        List<String> headers) {

    enum Type {
        SFTP,
        HTTPS
    }

    static Destination sftp(
            String host, int port, String username, String folder, String hostKey, boolean password, boolean key) {
        return new Destination(Type.SFTP, host, port, username, folder, hostKey, password, key, null, null, null);
    }

    static Destination https(String url, String method, List<String> headerNames) {
        return new Destination(
                Type.HTTPS, null, null, null, null, null, null, null, url, method, List.copyOf(headerNames));
    }

    /** The host the files go to. */
    String targetHost() {
        return type == Type.SFTP
                ? host
                : URI.create(url.replace("{file}", "file")).getHost();
    }

    /** Where the files went, for the run's record: no secrets, and an HTTPS URL without its query. */
    String describe() {
        if (type == Type.HTTPS) {
            String bare = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            return method + " " + bare;
        }
        return "sftp://" + username + "@" + host + ":" + port + (folder.startsWith("/") ? folder : "/~/" + folder);
    }

    /**
     * The secrets of a destination, stored apart from it and never part of an answer or a log line.
     *
     * @param privateKey an unencrypted or passphrase-protected key in PEM or OpenSSH form
     * @param headers header name to value
     */
    record Secrets(String password, String privateKey, String passphrase, Map<String, String> headers) {

        static final Secrets NONE = new Secrets(null, null, null, Map.of());

        Secrets {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Secrets[hidden]";
        }
    }
}
