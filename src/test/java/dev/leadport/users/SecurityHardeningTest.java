package dev.leadport.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Sign-in throttling, session fixation, cookie flags, security headers and pages fit for a strict CSP. */
class SecurityHardeningTest extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        for (Api.Response response : List.of(
                anonymous().getPage("/login"),
                as("rep").getPage("/leads"),
                as("rep").get("/api/leads"))) {
            String csp = response.header("Content-Security-Policy");
            assertThat(csp).isEqualTo(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(csp).contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'");
            assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(response.header("Permissions-Policy")).contains("camera=()");
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void templatesHoldNoInlineScriptsHandlersOrStylesSoTheStrictPolicyBreaksNothing() throws IOException {
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath:templates/*.html");
        assertThat(templates).isNotEmpty();
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            assertThat(Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>")
                            .matcher(html)
                            .find())
                    .as("inline <script> in %s", template.getFilename())
                    .isFalse();
            assertThat(Pattern.compile("\\s(on[a-z]+|hx-on[:-][a-z:-]*|th:on[a-z]+)\\s*=")
                            .matcher(html)
                            .find())
                    .as("inline event handler in %s", template.getFilename())
                    .isFalse();
            assertThat(Pattern.compile("\\s(th:)?style\\s*=|<style")
                            .matcher(html)
                            .find())
                    .as("inline style in %s", template.getFilename())
                    .isFalse();
        }
    }

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneOpensNothing() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> loginPage = browser.get("/login");
        String before = browser.sessionId();
        assertThat(before).isNotNull();
        String setCookie = loginPage.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> signIn = browser.postForm("/login", "rep", "rep", csrf(loginPage.body()));
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/leads");
        String after = browser.sessionId();
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/leads").statusCode()).isEqualTo(200);

        Browser planted = new Browser();
        planted.cookies.getCookieStore().add(URI.create(base()), sessionCookie(before));
        HttpResponse<String> withOldId = planted.get("/leads");
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void theProdProfileMarksTheSessionCookieSecure() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yml"));
        Properties prod = yaml.getObject();
        assertThat(prod).containsEntry("server.servlet.session.cookie.secure", true);
    }

    @Test
    void apiSignInsAreThrottledPerUserAfterFiveFailuresEvenWithTheRightPassword() {
        String name = unique("guessed");
        user(name, "REP");
        for (int i = 0; i < 5; i++) {
            Api.Response wrong = new Api(port, name, "guess-" + i).get("/api/users/me");
            assertThat(wrong.status()).as("attempt %d", i + 1).isEqualTo(401);
        }
        Api.Response refused = as(name).get("/api/users/me");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asString()).isEqualTo("Too many failed sign-ins");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 900L);
        assertThat(as("rep").get("/api/users/me").status())
                .as("other users from the same address")
                .isEqualTo(200);
    }

    @Test
    void formSignInsAreThrottledWithAMessageOnTheSignInPage() throws Exception {
        String name = unique("formguess");
        user(name, "REP");
        Browser browser = new Browser();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> page = browser.get("/login");
            HttpResponse<String> wrong = browser.postForm("/login", name, "guess-" + i, csrf(page.body()));
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        }
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> refused = browser.postForm("/login", name, name, csrf(page.body()));
        assertThat(refused.statusCode()).isEqualTo(302);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/login?locked=");
        assertThat(browser.get(location.substring(location.indexOf("/login"))).body())
                .contains("Too many failed sign-ins. Try again in 15 minute(s).");
    }

    @Test
    void aRepIsRefusedAdminChangesBeforeTheirBodyIsEvenRead() {
        for (String path : List.of("/api/users", "/api/custom-fields")) {
            Api.Response response = as("rep").post(path, Map.of());
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(as("manager").put("/api/custom-fields/1", Map.of()).status()).isEqualTo(403);
        assertThat(as("rep").post("/api/leads/bulk/delete", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void aSignedInBrowserWithoutTheCsrfTokenIsRefusedAndAnonymousCallersAreAskedToSignIn() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        browser.postForm("/login", "rep", "rep", csrf(page.body()));
        HttpResponse<String> noToken = browser.send(HttpRequest.newBuilder(URI.create(base() + "/api/leads"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"csrf@x.io\"}")));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("CSRF");

        Api.Response anonymousPost = anonymous().postRaw("/api/leads", "application/json", "{\"email\":\"x@y.io\"}");
        assertThat(anonymousPost.status()).isEqualTo(401);
        assertThat(anonymousPost.header("WWW-Authenticate")).startsWith("Basic");
    }

    @Test
    void aSignInNameLongerThanAnyAccountsIsRefusedUnloggedAndAHugeFormGets413() throws Exception {
        String name = "n" + "x".repeat(3000);
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        HttpResponse<String> refused = browser.postForm("/login", name, "pw", csrf(page.body()));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
        Api.Response basic = new Api(port, name, "pw").get("/api/users/me");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.sql("select count(*) from activity_entry where actor_username like 'nxxxxxxxxx%'")
                        .query(Long.class)
                        .single())
                .as("the name reaches neither the throttle nor the activity log")
                .isZero();

        HttpResponse<String> huge = browser.postForm("/login", "n" + "x".repeat(2_000_000), "pw", csrf(page.body()));
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void aBrowserSessionMustShowTheCsrfTokenWhateverAuthorizationHeaderItAlsoSends() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        browser.postForm("/login", "rep", "rep", csrf(page.body()));
        String email = unique("stray") + "@x.io";
        for (String header : List.of(
                "", "Bearer x", "Basic " + java.util.Base64.getEncoder().encodeToString("rep:wrong".getBytes()))) {
            HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base() + "/api/leads"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\"}"));
            HttpResponse<String> answer = browser.send(
                    header.isEmpty() ? post.header("Authorization", " ") : post.header("Authorization", header));
            assertThat(answer.statusCode()).as("Authorization: %s", header).isIn(401, 403);
        }
        assertThat(as("rep").get("/api/leads?q=" + email).json().get("items")).isEmpty();
    }

    @Test
    void aCookieCallFromAnotherSiteIsRefusedByItsOrigin() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.get("/login");
        browser.postForm("/login", "rep", "rep", csrf(page.body()));
        String token = metaCsrf(browser.get("/leads").body());
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(base() + "/api/leads"))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", token);
        HttpResponse<String> foreign = browser.send(post.copy()
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + unique("o") + "@x.io\"}")));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("another site");
        HttpResponse<String> own = browser.send(post.copy()
                .header("Origin", base())
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + unique("o") + "@x.io\"}")));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    }

    @Test
    void theThrottleCountsPerAccountWhicheverNameIsTypedAndIgnoresForwardedForFromClients() throws Exception {
        String name = unique("acct");
        Api.Response created = as("admin")
                .post("/api/users", Map.of("username", name, "email", name + "@x.io", "password", name, "role", "REP"));
        assertThat(created.status()).isEqualTo(201);
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            String typed = i % 2 == 0 ? name : name.toUpperCase(java.util.Locale.ROOT) + "@X.IO";
            HttpResponse<String> wrong = client.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/users/me"))
                            .header("Authorization", basic(typed, "guess-" + i))
                            .header("X-Forwarded-For", "203.0.113." + i)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(wrong.statusCode()).as("attempt %d", i + 1).isEqualTo(401);
        }
        HttpResponse<String> refused = client.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/users/me"))
                        .header("Authorization", basic(name + "@x.io", name))
                        .header("X-Forwarded-For", "198.51.100.7")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(429);
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String metaCsrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("the page carries a CSRF meta tag").isTrue();
        return m.group(1);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String csrf(String html) {
        Matcher m = CSRF_INPUT.matcher(html);
        assertThat(m.find()).as("the sign-in form carries a CSRF token").isTrue();
        return m.group(1);
    }

    private static java.net.HttpCookie sessionCookie(String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie("LEADPORT_SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        return cookie;
    }

    /** A cookie-keeping client that does not follow redirects, like a browser whose steps we look at one by one. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Accept", "text/html")
                    .GET());
        }

        HttpResponse<String> postForm(String path, String username, String password, String csrf) throws Exception {
            String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
            return send(HttpRequest.newBuilder(URI.create(base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        String sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("LEADPORT_SESSION"))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
