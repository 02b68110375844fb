package dev.leadport.users;

import dev.leadport.shared.web.ProblemHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a sign-in (form or HTTP Basic) before the password is checked while its username and address are
 * throttled: API callers get 429 problem+json with Retry-After, the sign-in form shows why. A name too long to be
 * anyone's is refused the same way as a wrong password.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    /**
     * The longest name a sign-in may type (an email's limit; usernames have 64). A longer one is refused before it
     * is checked, counted or logged, so it can neither fill the activity log nor slip past the throttle.
     */
    static final int MAX_NAME = 254;

    private final LoginThrottle throttle;
    private final JsonMapper json;

    LoginThrottleFilter(LoginThrottle throttle, JsonMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
        Optional<String> username = form ? Optional.ofNullable(request.getParameter("username")) : basicUser(request);
        if (username.filter(u -> u.length() > MAX_NAME).isPresent()) {
            refuseLongName(form, request, response);
            return;
        }
        Optional<Duration> wait = username.flatMap(u -> throttle.waitFor(u, request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?locked=" + Math.max(1, (seconds + 59) / 60));
            return;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ProblemHandler.asMap(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many failed sign-ins",
                        "Too many failed sign-ins for this user from your address; try again in " + seconds
                                + " seconds."));
    }

    private void refuseLongName(boolean form, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (form) {
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Leadport\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(),
                ProblemHandler.asMap(
                        HttpStatus.UNAUTHORIZED,
                        "Not signed in",
                        "A username or email has at most " + MAX_NAME + " characters."));
    }

    private static Optional<String> basicUser(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not Base64: the Basic filter answers 401 for it
        }
    }
}
