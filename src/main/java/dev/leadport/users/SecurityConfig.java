package dev.leadport.users;

import java.time.Clock;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two chains: the API takes personal API tokens (Bearer), HTTP Basic unless turned off (and the browser's session, guarded by CSRF) and answers errors as
 * problem+json; the web UI uses form login with CSRF protection. Both throttle failed sign-ins and send the same
 * security headers; docs/security.md describes the whole arrangement.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self';"
            + " base-uri 'self'; object-src 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    /** Requests the firewall refuses (encoded NUL, "..", odd methods) get a 400 problem, like every other error. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemSecurityHandlers handlers) {
        return handlers.rejected();
    }

    /**
     * Where a request signed in with HTTP Basic keeps its sign-in: in the request only. A script sends its password
     * with every call, so a session per call would only fill the session table.
     */
    private static final SecurityContextRepository PER_REQUEST = new RequestAttributeSecurityContextRepository();

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ProblemSecurityHandlers handlers,
            LoginThrottle throttle,
            JsonMapper json,
            ApiTokens tokens,
            ApiAuthProperties apiAuth,
            ApplicationEventPublisher events,
            Clock clock)
            throws Exception {
        http.securityMatcher("/api/**")
                // Admin-only changes are refused before their body is read, so a REP gets 403, never a 400.
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.POST, "/api/users", "/api/custom-fields")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.PUT, "/api/users/{id}", "/api/custom-fields/{id}")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.DELETE, "/api/custom-fields/{id}")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/webhooks", "/api/webhooks/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/leads/bulk/delete")
                        .hasAnyRole("MANAGER", "ADMIN")
                        .anyRequest()
                        .authenticated())
                .addFilterBefore(new LoginThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ApiTokenFilter(tokens, handlers, events, clock), CsrfFilter.class)
                .exceptionHandling(ex ->
                        ex.authenticationEntryPoint(handlers.entryPoint()).accessDeniedHandler(handlers.accessDenied()))
                // A call without a session (HTTP Basic scripts) has no cookie to forge: it authenticates by its header
                // or is refused as not signed in (401), and no session is started just to hold a token for it. A call
                // with a session shows the token whatever other header it carries: the session signs it in, and a
                // stray Authorization header (Basic for the session's own user) must not excuse it. Only a valid API
                // token, which the token filter has already checked, authenticates a call that has a session too.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
                        && request.getSession(false) != null
                        && request.getAttribute(ApiTokenFilter.AUTHENTICATED_BY_TOKEN) == null))
                .addFilterBefore(new OriginCheckFilter(json), CsrfFilter.class)
                .requestCache(cache -> cache.disable())
                // The API uses the session a browser signed in with but never starts one: a script sends its
                // credentials
                // with every call, and a session per call would only fill the session table.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(SecurityConfig::headers);
        if (apiAuth.passwordAuth()) {
            http.httpBasic(basic ->
                    basic.authenticationEntryPoint(handlers.entryPoint()).securityContextRepository(PER_REQUEST));
        } else {
            http.addFilterBefore(new PasswordApiAuthOffFilter(handlers), CsrfFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(
            HttpSecurity http, ProblemSecurityHandlers handlers, LoginThrottle throttle, JsonMapper json)
            throws Exception {
        http.addFilterBefore(new LoginThrottleFilter(throttle, json), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/leads", false))
                // The actuator is an API for machines: its refusals are problem+json, not an error page.
                // (A single handler registered this way would serve every request, so pages name their own.)
                .exceptionHandling(ex -> ex.defaultAccessDeniedHandlerFor(
                                handlers.accessDenied(),
                                PathPatternRequestMatcher.withDefaults().matcher("/actuator/**"))
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .httpBasic(basic -> basic.securityContextRepository(PER_REQUEST))
                .csrf(csrf -> csrf.csrfTokenRepository(new SessionlessBasicCsrfTokens()))
                .addFilterBefore(new OriginCheckFilter(json), CsrfFilter.class)
                // A new session id at sign-in, so an id planted before it is worthless afterwards.
                .sessionManagement(s -> s.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfig::headers);
        return http.build();
    }

    /** Besides Spring Security's defaults (nosniff, frame denial, no caching, HSTS over HTTPS). */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }
}
