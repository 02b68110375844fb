package dev.leadport.users;

import dev.leadport.shared.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A second guard, besides the CSRF token, for state-changing calls a browser makes with its session cookie: when
 * the browser says where the call comes from ({@code Origin}), it must be this server. Calls without a session
 * (HTTP Basic scripts) have no cookie to abuse and are not checked.
 */
class OriginCheckFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final JsonMapper json;

    OriginCheckFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        if (origin == null
                || SAFE_METHODS.contains(request.getMethod())
                || request.getRequestedSessionId() == null
                || sameOrigin(origin, request)) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ProblemHandler.asMap(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "This request comes from another site (Origin header); it is refused."));
    }

    /** Scheme, host and port as the client addressed this server (behind a proxy: as forwarded by it). */
    static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return false; // "null" (sandboxed frames, file: pages) or garbage
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme());
            return uri.getScheme().equalsIgnoreCase(request.getScheme())
                    && uri.getHost()
                            .toLowerCase(Locale.ROOT)
                            .equals(request.getServerName().toLowerCase(Locale.ROOT))
                    && port == request.getServerPort();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
