package dev.leadport.schedules;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScheduleRecipientMessageTest extends ApiTestBase {

    @Test
    void eachBadRecipientIsNamedOnceByItsPositionCountedFromOne() {
        Api.Response r = as("rep")
                .post(
                        "/api/leads/import-export/schedules",
                        map(
                                "name", unique("recipients"),
                                "filter", map(),
                                "fields", List.of("email"),
                                "format", "csv",
                                "recurrence", map("type", "DAILY", "time", "07:00"),
                                "timeZone", "UTC",
                                "recipients", List.of("ok@example.com", "second-is-bad")));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        JsonNode errors = r.json().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("recipients[1]");
        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("recipient 2, 'second-is-bad', is not an email address");
    }
}
