package dev.leadport.schedules;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.notifications.MailAndClockTestBase;
import dev.leadport.support.Api;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The tests of scheduled exports delivered by SFTP and HTTPS, whose servers run in this JVM on loopback: the
 * settings that let destinations be private addresses and plain http are on here, and only here.
 */
abstract class DestinationTestBase extends MailAndClockTestBase {

    static final String SCHEDULES = "/api/leads/import-export/schedules";

    @DynamicPropertySource
    static void destinationsOnLoopback(DynamicPropertyRegistry registry) {
        registry.add("leadport.schedules.allow-private-addresses", () -> "true");
        registry.add("leadport.schedules.allow-http", () -> "true");
        registry.add("leadport.schedules.connect-timeout", () -> "3s");
        registry.add("leadport.schedules.upload-timeout", () -> "5s");
        // The clock runs years ahead here; keep the recycle bin's purge from taking the deleted leads a delta lists.
        registry.add("leadport.bulk.recycle-bin-retention", () -> "36500d");
    }

    /** A daily schedule of the leads whose source starts with the tag, at the given time in UTC. */
    Api.Response schedule(Api api, String tag, String time, Map<String, Object> destination, Object... more) {
        Map<String, Object> body = map(
                "name",
                tag,
                "filter",
                map("source", tag),
                "fields",
                List.of("email", "firstName"),
                "format",
                "CSV",
                "recurrence",
                map("type", "DAILY", "time", time),
                "timeZone",
                "UTC",
                "destination",
                destination);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return api.post(SCHEDULES, body);
    }

    long created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    JsonNode runs(Api api, long id) {
        Api.Response r = api.get(SCHEDULES + "/" + id + "/runs");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    JsonNode awaitRunStatus(Api api, long id, String status) {
        await("a " + status + " run of schedule " + id, Duration.ofSeconds(20), () -> {
            JsonNode runs = runs(api, id);
            return runs.size() > 0 && runs.get(0).get("status").asString().equals(status);
        });
        return runs(api, id).get(0);
    }

    JsonNode awaitFinishedRun(Api api, long id) {
        await("a finished run of schedule " + id, Duration.ofSeconds(20), () -> {
            JsonNode runs = runs(api, id);
            return runs.size() > 0
                    && (runs.get(0).get("status").asString().equals("COMPLETED")
                            || runs.get(0).get("status").asString().equals("FAILED"));
        });
        return runs(api, id).get(0);
    }
}
