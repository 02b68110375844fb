package dev.leadport.users;

import dev.leadport.shared.web.ProblemHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Answers unauthenticated (401) and forbidden (403) API calls with problem+json, like every other API error. */
@Component
class ProblemSecurityHandlers {

    private final JsonMapper json;

    ProblemSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint entryPoint() {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Leadport\"");
            write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in with HTTP Basic to use the API.");
        };
    }

    AccessDeniedHandler accessDenied() {
        AuthenticationEntryPoint entryPoint = entryPoint();
        return (request, response, e) -> {
            if (!signedIn()) {
                // A caller with no session and no credentials is refused by the CSRF check before anything else
                // looks at it; the answer it needs is "sign in" (401), not "forbidden".
                entryPoint.commence(request, response, new InsufficientAuthenticationException("Not signed in"));
                return;
            }
            write(
                    response,
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    e instanceof CsrfException
                            ? "Missing or invalid CSRF token; reload the page and try again."
                            : "You are not allowed to do this.");
        };
    }

    RequestRejectedHandler rejected() {
        return (request, response, e) -> write(
                response, HttpStatus.BAD_REQUEST, "Invalid request", "The request's address or method is not allowed.");
    }

    private static boolean signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemHandler.asMap(status, title, detail));
    }
}
