package dev.leadport.users;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** With {@code leadport.security.api.password-auth=false}, a call sending a password is told to use a token. */
class PasswordApiAuthOffFilter extends OncePerRequestFilter {

    private final ProblemSecurityHandlers problems;

    PasswordApiAuthOffFilter(ProblemSecurityHandlers problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Leadport\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "The API takes no passwords here; send a personal API token as Authorization: Bearer.");
            return;
        }
        chain.doFilter(request, response);
    }
}
