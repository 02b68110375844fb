package dev.leadport.users;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every endpoint and page of the application, for anonymous, REP, MANAGER and ADMIN, with the status each must get.
 * The list of endpoints is read from the running application's handler mappings, so an endpoint added without a
 * line here fails {@link #everyEndpointHasAnExpectation()}. Data acted on belongs to the REP {@code rep}, so the
 * MANAGER and ADMIN columns also show they may act on a REP's data; another REP's attempts are tested below.
 */
class AccessMatrixTest extends ApiTestBase {

    private static final String IE = "/api/leads/import-export";
    private static final String PAGE = "page";
    /** A page form's POST sent without the form's CSRF token: refused before anything else. */
    private static final String FORM = "form";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    /** One endpoint: the statuses for REP, MANAGER and ADMIN, and how the caller's request is built. */
    private record Rule(String method, String pattern, int rep, int manager, int admin, Function<Api, Call> call) {
        int expected(String role) {
            return switch (role) {
                case "rep" -> rep;
                case "manager" -> manager;
                default -> admin;
            };
        }
    }

    /** A concrete request: its path and its body (JSON, a multipart map, or {@link #PAGE} for a browser GET). */
    private record Call(String path, Object body) {}

    private static Call path(String path) {
        return new Call(path, null);
    }

    private Rule all(String method, String pattern, int status, Function<Api, Call> call) {
        return new Rule(method, pattern, status, status, status, call);
    }

    private Rule adminOnly(String method, String pattern, int status, Function<Api, Call> call) {
        return new Rule(method, pattern, 403, 403, status, call);
    }

    private List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        // leads
        rules.add(all("GET", "/api/leads", 200, api -> path("/api/leads")));
        rules.add(all("POST", "/api/leads", 201, api -> new Call("/api/leads", map("email", unique("new") + "@x.io"))));
        rules.add(all("GET", "/api/leads/{id}", 200, api -> path("/api/leads/" + repLead())));
        rules.add(all("PUT", "/api/leads/{id}", 200, api -> {
            String email = unique("put") + "@x.io";
            return new Call("/api/leads/" + repLead(email), map("email", email, "ownerId", userId("rep")));
        }));
        rules.add(all("DELETE", "/api/leads/{id}", 204, api -> path("/api/leads/" + repLead())));
        rules.add(all("GET", "/api/leads/{id}/history", 200, api -> path("/api/leads/" + repLead() + "/history")));
        // custom fields
        rules.add(all("GET", "/api/custom-fields", 200, api -> path("/api/custom-fields")));
        rules.add(adminOnly("POST", "/api/custom-fields", 201, api -> new Call("/api/custom-fields", newField())));
        rules.add(all("GET", "/api/custom-fields/{id}", 200, api -> path("/api/custom-fields/" + customField())));
        rules.add(adminOnly("PUT", "/api/custom-fields/{id}", 200, api -> {
            Map<String, Object> field = newField();
            long id = customField(field);
            field.put("label", "Renamed");
            return new Call("/api/custom-fields/" + id, field);
        }));
        rules.add(adminOnly(
                "DELETE", "/api/custom-fields/{id}", 204, api -> path("/api/custom-fields/" + customField())));
        // users
        rules.add(all("GET", "/api/users", 200, api -> path("/api/users")));
        rules.add(all("GET", "/api/users/me", 200, api -> path("/api/users/me")));
        rules.add(all(
                "PUT",
                "/api/users/me/preferences",
                200,
                api -> new Call("/api/users/me/preferences", map("notifyByEmail", true))));
        rules.add(all("GET", "/api/users/{id}", 200, api -> path("/api/users/" + userId("rep"))));
        rules.add(adminOnly(
                "POST",
                "/api/users",
                201,
                api -> new Call("/api/users", map("username", unique("u"), "password", "secret-pw", "role", "REP"))));
        rules.add(adminOnly(
                "PUT",
                "/api/users/{id}",
                200,
                api -> new Call(
                        "/api/users/" + user(unique("target"), "REP"),
                        map("role", "MANAGER", "displayName", "Promoted"))));
        rules.add(all(
                "PUT",
                "/api/users/me/password",
                400,
                api -> new Call("/api/users/me/password", map("currentPassword", "wrong", "newPassword", "new-pw-1"))));
        rules.add(adminOnly(
                "PUT",
                "/api/users/{id}/password",
                204,
                api -> new Call(
                        "/api/users/" + user(unique("pw"), "REP") + "/password", map("newPassword", "reset-pw-1"))));
        // imports
        rules.add(all("POST", IE + "/validate", 200, api -> new Call(IE + "/validate", upload())));
        rules.add(all("POST", IE + "/import", 202, api -> new Call(IE + "/import", upload())));
        rules.add(all("GET", IE + "/imports", 200, api -> path(IE + "/imports")));
        rules.add(all("GET", IE + "/imports/{id}", 200, api -> path(IE + "/imports/" + repImport())));
        rules.add(
                all("GET", IE + "/imports/{id}/events", 200, api -> path(IE + "/imports/" + repImport() + "/events")));
        rules.add(
                all("POST", IE + "/imports/{id}/cancel", 200, api -> path(IE + "/imports/" + repImport() + "/cancel")));
        rules.add(all("POST", IE + "/imports/{id}/undo", 200, api -> path(IE + "/imports/" + repImport() + "/undo")));
        // saved mappings: each user's own; publishing is an admin's (an unknown id is theirs to be told about)
        rules.add(all("GET", IE + "/mappings", 200, api -> path(IE + "/mappings")));
        rules.add(new Rule(
                "POST", IE + "/mappings/{id}/publish", 403, 403, 404, api -> path(IE + "/mappings/999999999/publish")));
        rules.add(all("DELETE", IE + "/mappings/{id}", 404, api -> path(IE + "/mappings/999999999")));
        rules.add(
                all("GET", IE + "/imports/{id}/errors", 200, api -> path(IE + "/imports/" + repImport() + "/errors")));
        rules.add(all(
                "GET", IE + "/imports/{id}/success", 200, api -> path(IE + "/imports/" + repImport() + "/success")));
        rules.add(all("GET", IE + "/template", 200, api -> path(IE + "/template")));
        // stored uploads: each user works on their own (another's upload id is a 404, see UploadApiTest)
        String uploads = IE + "/uploads";
        rules.add(all("POST", uploads, 201, api -> new Call(uploads, upload())));
        rules.add(all("GET", uploads + "/{id}", 200, api -> path(uploads + "/" + storedUpload(api))));
        rules.add(all("GET", uploads + "/{id}/checks/{checkId}", 200, api -> path(backgroundCheck(api))));
        rules.add(all(
                "POST", uploads + "/{id}/checks/{checkId}/cancel", 200, api -> path(backgroundCheck(api) + "/cancel")));
        rules.add(all(
                "GET", uploads + "/{id}/problems", 200, api -> path(uploads + "/" + checkedUpload(api) + "/problems")));
        rules.add(all(
                "PUT",
                uploads + "/{id}/rows/{row}",
                200,
                api -> new Call(
                        uploads + "/" + checkedUpload(api) + "/rows/3",
                        map("cells", Map.of("email", unique("fixed") + "@x.io")))));
        rules.add(all(
                "DELETE",
                uploads + "/{id}/rows/{row}",
                200,
                api -> path(uploads + "/" + checkedUpload(api) + "/rows/3")));
        rules.add(all(
                "POST",
                uploads + "/{id}/replace",
                200,
                api -> new Call(
                        uploads + "/" + checkedUpload(api) + "/replace",
                        map("column", "first name", "from", "Bob", "to", "Robert"))));

        // exports
        rules.add(all("GET", IE + "/export", 200, api -> path(IE + "/export?owner=rep")));
        rules.add(all("GET", IE + "/export/preview", 200, api -> path(IE + "/export/preview?owner=rep")));
        rules.add(all("POST", IE + "/exports", 202, api -> path(IE + "/exports?owner=rep&fields=email")));
        rules.add(all("GET", IE + "/exports/{id}", 200, api -> path(IE + "/exports/" + repExportJob())));
        rules.add(all("GET", IE + "/exports/{id}/file", 200, api -> path(IE + "/exports/" + repExportJob() + "/file")));
        // bulk
        rules.add(all(
                "POST",
                "/api/leads/bulk/update",
                200,
                api -> new Call(
                        "/api/leads/bulk/update",
                        map("ids", List.of(repLead()), "changes", map("status", "QUALIFIED")))));
        rules.add(all(
                "POST",
                "/api/leads/bulk/assign",
                200,
                api -> new Call("/api/leads/bulk/assign", map("ids", List.of(repLead()), "ownerId", userId("rep")))));
        rules.add(new Rule(
                "POST",
                "/api/leads/bulk/delete",
                403,
                200,
                200,
                api -> new Call("/api/leads/bulk/delete", map("ids", List.of(repLead())))));
        rules.add(all(
                "POST",
                "/api/leads/bulk/restore",
                200,
                api -> new Call("/api/leads/bulk/restore", map("ids", List.of(repDeletedLead())))));
        rules.add(all(
                "POST",
                "/api/leads/bulk/{operationId}/undo",
                200,
                api -> path("/api/leads/bulk/" + repBulkOperation() + "/undo")));
        rules.add(
                all("GET", "/api/leads/bulk/{operationId}", 200, api -> path("/api/leads/bulk/" + repBulkOperation())));
        rules.add(all(
                "GET",
                "/api/leads/bulk/{operationId}/results.csv",
                200,
                api -> path("/api/leads/bulk/" + repBulkOperation() + "/results.csv")));
        rules.add(all("GET", "/api/leads/bulk/recycle-bin", 200, api -> path("/api/leads/bulk/recycle-bin")));
        // activity
        rules.add(all("GET", IE + "/activity", 200, api -> path(IE + "/activity")));
        rules.add(all("GET", IE + "/activity/{id}", 200, api -> path(IE + "/activity/" + repActivity())));
        rules.add(all("GET", IE + "/activity/export", 200, api -> path(IE + "/activity/export")));
        rules.add(all("GET", IE + "/activity/metrics", 200, api -> path(IE + "/activity/metrics")));
        // schedules
        String schedules = IE + "/schedules";
        rules.add(all("GET", schedules, 200, api -> path(schedules)));
        rules.add(all("POST", schedules, 201, api -> new Call(schedules, schedule())));
        rules.add(all("GET", schedules + "/{id}", 200, api -> path(schedules + "/" + repSchedule())));
        rules.add(all("PUT", schedules + "/{id}", 200, api -> new Call(schedules + "/" + repSchedule(), schedule())));
        rules.add(all("DELETE", schedules + "/{id}", 204, api -> path(schedules + "/" + repSchedule())));
        rules.add(all("POST", schedules + "/{id}/pause", 200, api -> path(schedules + "/" + repSchedule() + "/pause")));
        rules.add(
                all("POST", schedules + "/{id}/resume", 200, api -> path(schedules + "/" + repSchedule() + "/resume")));
        rules.add(all("GET", schedules + "/{id}/runs", 200, api -> path(schedules + "/" + repSchedule() + "/runs")));
        // No run has happened yet: 404 "has no run" proves the caller got past the schedule's access check.
        rules.add(all(
                "GET",
                schedules + "/{id}/runs/{runId}/file",
                404,
                api -> path(schedules + "/" + repSchedule() + "/runs/1/file")));
        // notifications
        rules.add(all("GET", "/api/notifications/outbox", 200, api -> path("/api/notifications/outbox")));
        // webhooks
        rules.add(adminOnly("GET", "/api/webhooks", 200, api -> path("/api/webhooks")));
        rules.add(adminOnly("POST", "/api/webhooks", 201, api -> new Call("/api/webhooks", newWebhook())));
        rules.add(adminOnly("DELETE", "/api/webhooks/{id}", 204, api -> path("/api/webhooks/" + webhook())));
        rules.add(adminOnly(
                "GET",
                "/api/webhooks/{id}/deliveries",
                200,
                api -> path("/api/webhooks/" + webhook() + "/deliveries")));
        // No delivery has happened: 404 "has no delivery" proves the caller got past the access check.
        rules.add(adminOnly(
                "POST",
                "/api/webhooks/{id}/deliveries/{deliveryId}/resend",
                404,
                api -> path("/api/webhooks/" + webhook() + "/deliveries/1/resend")));
        // personal API tokens, each caller's own
        rules.add(all("GET", "/api/tokens", 200, api -> path("/api/tokens")));
        rules.add(all("POST", "/api/tokens", 201, api -> new Call("/api/tokens", newToken())));
        rules.add(all("DELETE", "/api/tokens/{id}", 200, api -> path("/api/tokens/" + ownToken(api))));
        // pages
        rules.add(all("GET", "/login", 200, api -> new Call("/login", PAGE)));
        rules.add(all("GET", "/", 302, api -> new Call("/", PAGE)));
        for (String page : List.of(
                "/leads",
                "/leads/recycle-bin",
                "/leads/new",
                "/import",
                "/export",
                "/activity",
                "/settings",
                "/settings/password")) {
            rules.add(all("GET", page, 200, api -> new Call(page, PAGE)));
        }
        rules.add(all("GET", "/leads/{id}", 200, api -> new Call("/leads/" + repLead(), PAGE)));
        rules.add(adminOnly(
                "GET",
                "/settings/users/{id}/password",
                200,
                api -> new Call("/settings/users/" + userId("rep") + "/password", PAGE)));
        for (String form : List.of(
                "/leads/new",
                "/leads/{id}",
                "/leads/{id}/delete",
                "/settings/password",
                "/settings/users/{id}/password")) {
            String path = form.replace("{id}", "1");
            rules.add(all("POST", form, 403, api -> new Call(path, FORM)));
        }
        return rules;
    }

    @Test
    void everyEndpointHasAnExpectation() {
        TreeSet<String> served = new TreeSet<>();
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("dev.leadport")) {
                continue;
            }
            RequestMappingInfo info = entry.getKey();
            assertThat(info.getMethodsCondition().getMethods())
                    .as("%s must name its HTTP method", info)
                    .isNotEmpty();
            info.getMethodsCondition()
                    .getMethods()
                    .forEach(m -> info.getPatternValues().forEach(p -> served.add(m.name() + " " + p)));
        }
        TreeSet<String> expected = new TreeSet<>();
        rules().forEach(r -> expected.add(r.method() + " " + r.pattern()));
        assertThat(expected).as("endpoints in the matrix").isEqualTo(served);
    }

    @Test
    void eachRoleGetsExactlyTheStatusTheMatrixGives() {
        SoftAssertions soft = new SoftAssertions();
        for (Rule rule : rules()) {
            for (String role : List.of("rep", "manager", "admin")) {
                Api api = as(role);
                Call call = rule.call().apply(api);
                Api.Response response = send(api, rule.method(), call);
                soft.assertThat(response.status())
                        .as("%s %s as %s: %s", rule.method(), call.path(), role, abbreviated(response))
                        .isEqualTo(rule.expected(role));
                if (response.status() == 403 && call.body() == PAGE) {
                    soft.assertThat(response.contentType())
                            .as("a page refuses with a page: %s %s as %s", rule.method(), call.path(), role)
                            .startsWith("text/html");
                } else if (response.status() == 403 && call.body() != FORM) {
                    soft.assertThat(response.contentType())
                            .as("%s %s as %s", rule.method(), call.path(), role)
                            .startsWith("application/problem+json");
                }
            }
        }
        soft.assertAll();
    }

    /**
     * The scope a personal API token needs for each endpoint; {@code null}: no token may call it (token management
     * and preferences need the user's own sign-in). Pages take no tokens at all.
     */
    private static final Map<String, TokenScope> SCOPES = scopes();

    private static Map<String, TokenScope> scopes() {
        Map<String, TokenScope> s = new java.util.HashMap<>();
        TokenScope read = TokenScope.READ;
        TokenScope bulk = TokenScope.BULK;
        TokenScope admin = TokenScope.ADMIN;
        TokenScope imp = TokenScope.IMPORT;
        TokenScope exp = TokenScope.EXPORT;
        s.put("GET /api/leads", read);
        s.put("POST /api/leads", bulk);
        s.put("GET /api/leads/{id}", read);
        s.put("GET /api/leads/{id}/history", read);
        s.put("PUT /api/leads/{id}", bulk);
        s.put("DELETE /api/leads/{id}", bulk);
        s.put("GET /api/custom-fields", read);
        s.put("POST /api/custom-fields", admin);
        s.put("GET /api/custom-fields/{id}", read);
        s.put("PUT /api/custom-fields/{id}", admin);
        s.put("DELETE /api/custom-fields/{id}", admin);
        s.put("GET /api/users", read);
        s.put("GET /api/users/me", read);
        s.put("PUT /api/users/me/preferences", null);
        s.put("GET /api/users/{id}", read);
        s.put("POST /api/users", admin);
        s.put("PUT /api/users/{id}", admin);
        s.put("PUT /api/users/me/password", null);
        s.put("PUT /api/users/{id}/password", null);
        s.put("GET " + IE + "/mappings", read);
        s.put("POST " + IE + "/mappings/{id}/publish", imp);
        s.put("DELETE " + IE + "/mappings/{id}", imp);
        s.put("POST " + IE + "/validate", imp);
        s.put("POST " + IE + "/import", imp);
        s.put("GET " + IE + "/imports", read);
        s.put("GET " + IE + "/imports/{id}", read);
        s.put("GET " + IE + "/imports/{id}/events", read);
        s.put("POST " + IE + "/imports/{id}/cancel", imp);
        s.put("POST " + IE + "/imports/{id}/undo", imp);
        s.put("GET " + IE + "/imports/{id}/errors", read);
        s.put("GET " + IE + "/imports/{id}/success", read);
        s.put("GET " + IE + "/template", read);
        s.put("POST " + IE + "/uploads", imp);
        s.put("GET " + IE + "/uploads/{id}", read);
        s.put("GET " + IE + "/uploads/{id}/checks/{checkId}", read);
        s.put("POST " + IE + "/uploads/{id}/checks/{checkId}/cancel", imp);
        s.put("GET " + IE + "/uploads/{id}/problems", read);
        s.put("PUT " + IE + "/uploads/{id}/rows/{row}", imp);
        s.put("DELETE " + IE + "/uploads/{id}/rows/{row}", imp);
        s.put("POST " + IE + "/uploads/{id}/replace", imp);
        s.put("GET " + IE + "/export", exp);
        s.put("GET " + IE + "/export/preview", exp);
        s.put("POST " + IE + "/exports", exp);
        s.put("GET " + IE + "/exports/{id}", exp);
        s.put("GET " + IE + "/exports/{id}/file", exp);
        for (String op : List.of("update", "assign", "delete", "restore", "{operationId}/undo")) {
            s.put("POST /api/leads/bulk/" + op, bulk);
        }
        s.put("GET /api/leads/bulk/{operationId}", read);
        s.put("GET /api/leads/bulk/{operationId}/results.csv", read);
        s.put("GET /api/leads/bulk/recycle-bin", read);
        for (String activity : List.of("", "/{id}", "/export", "/metrics")) {
            s.put("GET " + IE + "/activity" + activity, read);
        }
        String schedules = IE + "/schedules";
        s.put("GET " + schedules, read);
        s.put("POST " + schedules, exp);
        s.put("GET " + schedules + "/{id}", read);
        s.put("PUT " + schedules + "/{id}", exp);
        s.put("DELETE " + schedules + "/{id}", exp);
        s.put("POST " + schedules + "/{id}/pause", exp);
        s.put("POST " + schedules + "/{id}/resume", exp);
        s.put("GET " + schedules + "/{id}/runs", read);
        s.put("GET " + schedules + "/{id}/runs/{runId}/file", read);
        s.put("GET /api/notifications/outbox", read);
        s.put("GET /api/webhooks", admin);
        s.put("POST /api/webhooks", admin);
        s.put("DELETE /api/webhooks/{id}", admin);
        s.put("GET /api/webhooks/{id}/deliveries", admin);
        s.put("POST /api/webhooks/{id}/deliveries/{deliveryId}/resend", admin);
        s.put("GET /api/tokens", null);
        s.put("POST /api/tokens", null);
        s.put("DELETE /api/tokens/{id}", null);
        return s;
    }

    /**
     * The token column: a token holding just the scope an endpoint needs gets what its user's role gets (a REP's token
     * where a REP may hold the scope, else an ADMIN's), and a token holding every other scope gets 403 problem+json.
     * Pages do not take tokens: they send the caller to the sign-in page.
     */
    @Test
    void aTokenGetsItsRolesStatusWithTheEndpointsScopeAnd403WithoutIt() {
        Map<TokenScope, Api> repOnly = new java.util.EnumMap<>(TokenScope.class);
        Map<TokenScope, Api> adminOnly = new java.util.EnumMap<>(TokenScope.class);
        Map<TokenScope, Api> adminAllBut = new java.util.EnumMap<>(TokenScope.class);
        for (TokenScope scope : TokenScope.values()) {
            if (scope != TokenScope.ADMIN) {
                repOnly.put(scope, token(as("rep"), List.of(scope)));
            }
            adminOnly.put(scope, token(as("admin"), List.of(scope)));
            List<TokenScope> others = java.util.Arrays.stream(TokenScope.values())
                    .filter(s -> s != scope)
                    .toList();
            adminAllBut.put(scope, token(as("admin"), others));
        }
        Api everything = token(as("admin"), List.of(TokenScope.values()));
        SoftAssertions soft = new SoftAssertions();
        for (Rule rule : rules()) {
            String key = rule.method() + " " + rule.pattern();
            if (rule.call().apply(as("rep")).body() == PAGE) {
                Call page = rule.call().apply(as("rep"));
                Api.Response response = send(everything, rule.method(), page);
                soft.assertThat(response.status())
                        .as("page %s with a token", page.path())
                        .isEqualTo(page.path().equals("/login") ? 200 : 302);
                continue;
            }
            if (rule.call().apply(as("rep")).body() == FORM) {
                Call form = rule.call().apply(as("rep"));
                soft.assertThat(send(everything, rule.method(), form).status())
                        .as("page form %s with a token", form.path())
                        .isEqualTo(403);
                continue;
            }
            soft.assertThat(SCOPES).as("the scope %s needs", key).containsKey(key);
            TokenScope scope = SCOPES.get(key);
            if (scope == null) {
                Api.Response response =
                        send(everything, rule.method(), rule.call().apply(as("admin")));
                soft.assertThat(response.status()).as("%s with any token", key).isEqualTo(403);
                continue;
            }
            boolean repMayHold = repOnly.containsKey(scope);
            Api holder = repMayHold ? repOnly.get(scope) : adminOnly.get(scope);
            Call call = rule.call().apply(repMayHold ? as("rep") : as("admin"));
            Api.Response allowed = send(holder, rule.method(), call);
            soft.assertThat(allowed.status())
                    .as(
                            "%s with a %s token holding %s: %s",
                            key, repMayHold ? "REP" : "ADMIN", scope, abbreviated(allowed))
                    .isEqualTo(rule.expected(repMayHold ? "rep" : "admin"));
            Api.Response refused =
                    send(adminAllBut.get(scope), rule.method(), rule.call().apply(as("admin")));
            soft.assertThat(refused.status())
                    .as("%s with an ADMIN token holding every scope but %s: %s", key, scope, abbreviated(refused))
                    .isEqualTo(403);
            soft.assertThat(refused.contentType()).as(key).startsWith("application/problem+json");
        }
        soft.assertAll();
    }

    private Api token(Api owner, List<TokenScope> scopes) {
        Api.Response created = owner.post(
                "/api/tokens",
                map(
                        "name",
                        unique("matrix"),
                        "scopes",
                        scopes.stream().map(Enum::name).toList()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return Api.bearer(port, created.json().get("secret").asString());
    }

    /** An endpoint nothing listens on, for an event the matrix never causes. */
    private static Map<String, Object> newWebhook() {
        return map("url", "http://127.0.0.1:9/hook", "events", List.of("SCHEDULED_RUN_FAILED"));
    }

    private long webhook() {
        Api.Response created = as("admin").post("/api/webhooks", newWebhook());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("endpoint").get("id").asLong();
    }

    private static Map<String, Object> newToken() {
        return map("name", unique("token"), "scopes", List.of("READ"));
    }

    private static long ownToken(Api owner) {
        Api.Response created = owner.post("/api/tokens", newToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("token").get("id").asLong();
    }

    @Test
    void anonymousCallersGet401ProblemJsonFromTheApiAndTheSignInPageForPages() {
        SoftAssertions soft = new SoftAssertions();
        Api anonymous = anonymous();
        for (Rule rule : rules()) {
            Call call = rule.call().apply(as("rep"));
            if (call.body() == FORM) {
                soft.assertThat(send(anonymous, rule.method(), call).status())
                        .as("form %s without its CSRF token", call.path())
                        .isEqualTo(403);
                continue;
            }
            if (call.body() == PAGE) {
                Api.Response response = send(anonymous, rule.method(), call);
                if (call.path().equals("/login")) {
                    soft.assertThat(response.status()).isEqualTo(200);
                    continue;
                }
                soft.assertThat(response.status()).as("page %s", call.path()).isEqualTo(302);
                soft.assertThat(response.header("Location"))
                        .as("page %s", call.path())
                        .endsWith("/login");
                continue;
            }
            // A fresh unknown name each time, so the sign-in throttle never steps in.
            for (Api client : List.of(anonymous, new Api(port, unique("nobody"), "guess"))) {
                Api.Response response = send(client, rule.method(), call);
                soft.assertThat(response.status())
                        .as("%s %s without valid credentials: %s", rule.method(), call.path(), abbreviated(response))
                        .isEqualTo(401);
                soft.assertThat(response.contentType())
                        .as("%s %s", rule.method(), call.path())
                        .startsWith("application/problem+json");
            }
        }
        soft.assertAll();
    }

    @Test
    void operationalEndpointsAreOpenOnlyWhereThatIsHarmless() {
        assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous().get("/actuator/metrics").status()).isIn(302, 401);
        assertThat(as("rep").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as("manager").get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as("admin").get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void anotherRepCannotReadExportBulkChangeOrUndoARepsDataById() {
        user("rep2", "REP");
        Api intruder = as("rep2");
        String email = unique("owned") + "@x.io";
        long lead = repLead(email);
        long importId = repImport();
        long operation = repBulkOperation();
        long activity = repActivity();
        long schedule = repSchedule();
        long deleted = repDeletedLead();
        long exportJob = repExportJob();
        JsonNode leadBefore = as("rep").get("/api/leads/" + lead).json();
        String importBefore = as("rep").get(IE + "/imports/" + importId).body();
        String scheduleBefore = as("rep").get(IE + "/schedules/" + schedule).body();

        // read by id
        for (String path : List.of(
                "/api/leads/" + lead,
                IE + "/imports/" + importId,
                IE + "/imports/" + importId + "/events",
                IE + "/imports/" + importId + "/errors",
                IE + "/imports/" + importId + "/success",
                "/api/leads/bulk/" + operation,
                "/api/leads/bulk/" + operation + "/results.csv",
                IE + "/activity/" + activity,
                IE + "/schedules/" + schedule,
                IE + "/schedules/" + schedule + "/runs",
                IE + "/exports/" + exportJob,
                IE + "/exports/" + exportJob + "/file")) {
            assertRefused(intruder.get(path), "GET " + path);
        }
        Api.Response runFile = intruder.get(IE + "/schedules/" + schedule + "/runs/1/file");
        assertRefused(runFile, "run file");
        assertThat(runFile.json().get("detail").asString()).startsWith("There is no export schedule");

        // lists, export and preview asked for the other REP's leads return none of them
        for (String path : List.of(
                "/api/leads?owner=rep",
                IE + "/export?owner=rep&fields=email",
                IE + "/export/preview?owner=rep&fields=email",
                IE + "/imports",
                IE + "/activity",
                "/api/leads/bulk/recycle-bin",
                IE + "/schedules")) {
            Api.Response response = intruder.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(email)
                    .doesNotContainPattern("\"createdById\":" + userId("rep") + "\\b")
                    .doesNotContain("\"actorUsername\":\"rep\"");
        }

        Api.Response search = intruder.get(IE + "/export?q=" + email + "&fields=email");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).doesNotContain(email);

        // bulk changes by id and by filter change nothing of theirs
        JsonNode update = intruder.post(
                        "/api/leads/bulk/update", map("ids", List.of(lead), "changes", map("status", "LOST")))
                .json();
        assertThat(update.get("results").get(0).get("result").asString()).isIn("FORBIDDEN", "NOT_FOUND");
        JsonNode byFilter = intruder.post(
                        "/api/leads/bulk/update", map("filter", map("owner", "rep"), "changes", map("status", "LOST")))
                .json();
        assertThat(byFilter.get("totals").get("updated").asLong()).isZero();
        JsonNode assign = intruder.post("/api/leads/bulk/assign", map("ids", List.of(lead), "ownerId", userId("rep2")))
                .json();
        assertThat(assign.get("results").get(0).get("result").asString()).isIn("FORBIDDEN", "NOT_FOUND");
        JsonNode restore = intruder.post("/api/leads/bulk/restore", map("ids", List.of(deleted)))
                .json();
        assertThat(restore.get("results").get(0).get("result").asString()).isIn("FORBIDDEN", "NOT_FOUND");
        assertRefused(intruder.post("/api/leads/bulk/delete", map("ids", List.of(lead))), "bulk delete");

        // undo, cancel and direct changes are refused
        assertRefused(intruder.post(IE + "/imports/" + importId + "/undo", null), "import undo");
        assertRefused(intruder.post(IE + "/imports/" + importId + "/cancel", null), "import cancel");
        assertRefused(intruder.post("/api/leads/bulk/" + operation + "/undo", null), "bulk undo");
        assertRefused(intruder.put("/api/leads/" + lead, map("email", email, "status", "LOST")), "lead update");
        assertRefused(intruder.delete("/api/leads/" + lead), "lead delete");
        assertRefused(intruder.put(IE + "/schedules/" + schedule, schedule()), "schedule update");
        assertRefused(intruder.post(IE + "/schedules/" + schedule + "/pause", null), "schedule pause");
        assertRefused(intruder.delete(IE + "/schedules/" + schedule), "schedule delete");

        // and nothing changed
        assertThat(as("rep").get("/api/leads/" + lead).json()).isEqualTo(leadBefore);
        assertThat(as("rep").get(IE + "/imports/" + importId).body()).isEqualTo(importBefore);
        assertThat(as("rep").get(IE + "/schedules/" + schedule).body()).isEqualTo(scheduleBefore);
        assertThat(as("rep").get("/api/leads/" + deleted).status()).isEqualTo(404);
    }

    private static void assertRefused(Api.Response response, String what) {
        assertThat(response.status()).as("%s: %s", what, abbreviated(response)).isIn(403, 404);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
    }

    private Api.Response send(Api api, String method, Call call) {
        return switch (method) {
            case "GET" -> call.body() == PAGE ? api.getPage(call.path()) : api.get(call.path());
            case "DELETE" -> api.delete(call.path());
            case "PUT" -> api.put(call.path(), call.body());
            case "POST" ->
                call.body() == FORM
                        ? api.post(call.path(), null)
                        : call.body() instanceof Map<?, ?> parts && parts.get("file") instanceof Api.FilePart
                                ? api.postMultipart(call.path(), castParts(parts))
                                : api.post(call.path(), call.body());
            default -> throw new IllegalArgumentException(method);
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castParts(Map<?, ?> parts) {
        return (Map<String, ?>) parts;
    }

    private static String abbreviated(Api.Response response) {
        String body = response.body();
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }

    // Fixtures, all owned by the REP "rep" unless only an ADMIN may make them.

    private long repLead() {
        return repLead(unique("lead") + "@x.io");
    }

    private long repLead(String email) {
        return createLead(as("rep"), map("email", email, "source", "matrix"))
                .get("id")
                .asLong();
    }

    private long repDeletedLead() {
        long id = repLead();
        assertThat(as("rep").delete("/api/leads/" + id).status()).isEqualTo(204);
        return id;
    }

    private Map<String, Object> newField() {
        return map("key", "f" + unique("x").replace("-", ""), "label", "Field", "type", "TEXT");
    }

    private long customField() {
        return customField(newField());
    }

    private long customField(Map<String, Object> field) {
        Api.Response created = as("admin").post("/api/custom-fields", field);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static Map<String, Object> upload() {
        return map(
                "file",
                Api.FilePart.csv("matrix.csv", "email,first name\n" + unique("imp") + "@x.io,Ann\nnot-an-email,Bob\n"));
    }

    /** An upload stored by the calling user (uploads are their uploader's alone). */
    private static String storedUpload(Api api) {
        Api.Response stored = api.postMultipart(IE + "/uploads", upload());
        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        return stored.json().get("uploadId").asString();
    }

    /** A stored upload of the caller's, checked once, so its row 3 (the bad email) is in the review grid. */
    private static String checkedUpload(Api api) {
        String id = storedUpload(api);
        Api.Response checked = api.postMultipart(IE + "/validate", Map.of("uploadId", id));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        return id;
    }

    /** The path of a check of the caller's upload that runs as a job. */
    private static String backgroundCheck(Api api) {
        String id = storedUpload(api);
        Api.Response started = api.postMultipart(IE + "/validate", Map.of("uploadId", id, "background", "true"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return IE + "/uploads/" + id + "/checks/"
                + started.json().get("checkId").asLong();
    }

    private long repImport() {
        Api rep = as("rep");
        Api.Response started = rep.postMultipart(IE + "/import", upload());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        awaitImport(rep, id);
        return id;
    }

    private static void awaitImport(Api api, long id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = api.get(IE + "/imports/" + id).json().get("status").asString();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return;
            }
            pause();
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** A REP's finished background export, so its file can be fetched. */
    private long repExportJob() {
        Api rep = as("rep");
        Api.Response started = rep.post(IE + "/exports?owner=rep&fields=email", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().get("exportId").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String status = rep.get(IE + "/exports/" + id).json().get("status").asString();
            if (status.equals("COMPLETED")) {
                return id;
            }
            assertThat(status).as("export job " + id).isNotEqualTo("FAILED");
            pause();
        }
        throw new AssertionError("export job " + id + " did not finish");
    }

    private long repBulkOperation() {
        Api.Response done = as("rep")
                .post("/api/leads/bulk/update", map("ids", List.of(repLead()), "changes", map("status", "CONTACTED")));
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        return done.json().get("operationId").asLong();
    }

    private long repActivity() {
        repBulkOperation();
        JsonNode items = as("rep").get(IE + "/activity?size=1").json().get("items");
        return items.get(0).get("id").asLong();
    }

    private static Map<String, Object> schedule() {
        return map(
                "name",
                unique("sched"),
                "filter",
                map("source", "matrix"),
                "fields",
                List.of("email"),
                "format",
                "CSV",
                "recurrence",
                map("type", "DAILY", "time", "06:00"),
                "timeZone",
                "UTC",
                "recipients",
                List.of("rep@example.com"));
    }

    private long repSchedule() {
        Api.Response created = as("rep").post(IE + "/schedules", schedule());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
