package dev.leadport.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DryRunMetricsTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void dryRunsStayInTheLogButAreCountedApartFromOperations() throws Exception {
        String name = unique("dry");
        user(name, "REP");
        Api rep = as(name);
        String csv = "email,company\n" + name + "@x.io,Acme\nnot-an-email,Broken\n";
        for (int i = 0; i < 3; i++) {
            assertThat(rep.postMultipart(PATH + "/validate", Map.of("file", FilePart.csv("leads.csv", csv)))
                            .status())
                    .isEqualTo(200);
        }
        Api.Response started = rep.postMultipart(PATH + "/import", Map.of("file", FilePart.csv("leads.csv", csv)));
        assertThat(started.status()).isEqualTo(202);
        long job = started.json().get("id").asLong();
        long deadline = System.currentTimeMillis() + 60_000;
        while (rep.get(PATH + "/imports/" + job).json().get("status").asString().matches("QUEUED|RUNNING")) {
            assertThat(System.currentTimeMillis()).isLessThan(deadline);
            Thread.sleep(100);
        }
        JsonNode metrics = null;
        while (System.currentTimeMillis() < deadline) {
            metrics = rep.get(PATH + "/activity/metrics").json();
            if (metrics.get("overall").get("operations").asLong() == 1
                    && metrics.get("dryRuns").asLong() == 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(metrics.get("overall").get("operations").asLong())
                .as(metrics.toString())
                .isEqualTo(1);
        assertThat(metrics.get("dryRuns").asLong()).isEqualTo(3);
        assertThat(metrics.get("overall").get("errorRate").asDouble())
                .as("one import with a bad row, the dry runs left out")
                .isEqualTo(1.0);
        assertThat(rep.get(PATH + "/activity?type=VALIDATION")
                        .json()
                        .get("total")
                        .asLong())
                .as("the dry runs are still in the log")
                .isEqualTo(3);
    }
}
