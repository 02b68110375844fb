package dev.leadport.users;

import dev.leadport.shared.events.ForbiddenAttempt;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs API calls in by {@code Authorization: Bearer lp_...} and refuses those whose token lacks the call's scope.
 * A call signed in this way is marked, so the CSRF check lets it pass: its header, which no other site can make a
 * browser send, is what authenticates it. The sign-in lasts for the request only; no session is started.
 */
class ApiTokenFilter extends OncePerRequestFilter {

    static final String AUTHENTICATED_BY_TOKEN = ApiTokenFilter.class.getName() + ".token";

    private static final SecurityContextRepository PER_REQUEST = new RequestAttributeSecurityContextRepository();

    private final ApiTokens tokens;
    private final ProblemSecurityHandlers problems;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokenFilter(ApiTokens tokens, ProblemSecurityHandlers problems, ApplicationEventPublisher events, Clock clock) {
        this.tokens = tokens;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> signedIn =
                tokens.authenticate(header.substring(7).strip(), request.getRemoteAddr());
        if (signedIn.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"Leadport\", error=\"invalid_token\"");
            problems.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "The API token is unknown, expired or revoked, or its user may not sign in.");
            return;
        }
        Authentication authentication = signedIn.get();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<TokenScope> needed = TokenScopeRules.required(request.getMethod(), path);
        if (needed.isEmpty() || !ApiTokens.hasScope(authentication, needed.get())) {
            String reason = needed.map(s -> "The API token lacks the scope " + s + ".")
                    .orElse("API tokens cannot manage tokens or preferences; sign in to do this.");
            events.publishEvent(
                    new ForbiddenAttempt(authentication.getName(), request.getMethod(), path, reason, clock.instant()));
            problems.write(response, HttpStatus.FORBIDDEN, "Forbidden", reason);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        // Kept in the request too, so the dispatches of a streamed answer (exports, SSE) stay signed in.
        PER_REQUEST.saveContext(context, request, response);
        request.setAttribute(AUTHENTICATED_BY_TOKEN, Boolean.TRUE);
        chain.doFilter(request, response);
    }
}
