package dev.leadport.shared;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import org.junit.jupiter.api.Test;

class ProblemDetailsTest extends ApiTestBase {

    @Test
    void malformedJsonIsA400ProblemNotAStackTrace() {
        Api.Response response = as("admin").postRaw("/api/leads", "application/json", "{\"email\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.");
    }

    @Test
    void badEmailNamesTheEmailField() {
        Api.Response response = as("admin").post("/api/leads", map("email", "not-an-email"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(response.json().get("detail").asString()).contains("not-an-email");
    }

    @Test
    void leadWithNeitherEmailNorPhoneIsRejected() {
        Api.Response response = as("admin").post("/api/leads", map("firstName", "Nobody"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("email or a phone");
    }

    @Test
    void unknownStatusNamesTheStatusFieldAndTheAllowedValues() {
        Api.Response response = as("admin").post("/api/leads", map("email", "s@x.io", "status", "HOT"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(response.json().get("detail").asString()).contains("QUALIFIED");
    }

    @Test
    void wrongTypeNamesTheField() {
        Api.Response response =
                as("admin").postRaw("/api/leads", "application/json", "{\"email\":\"t@x.io\",\"ownerId\":\"abc\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("ownerId");
    }

    @Test
    void badQueryParameterNamesTheParameter() {
        Api.Response response = as("admin").get("/api/leads?createdFrom=yesterday");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("createdFrom");
        assertThat(as("admin").get("/api/leads/abc").status()).isEqualTo(400);
        assertThat(as("admin").get("/api/leads?status=HOT").status()).isEqualTo(400);
    }

    @Test
    void tooLongValueNamesTheField() {
        Api.Response response = as("admin").post("/api/leads", map("email", "l@x.io", "firstName", "x".repeat(101)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("firstName");
    }

    @Test
    void unknownLeadIs404Problem() {
        Api.Response response = as("admin").get("/api/leads/987654321");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void apiDocsAndHealthAreServed() {
        assertThat(anonymous().get("/actuator/health").body()).contains("UP");
        Api.Response docs = anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/leads");
    }
}
