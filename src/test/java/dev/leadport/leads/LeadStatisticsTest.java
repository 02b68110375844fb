package dev.leadport.leads;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** The planner learns about a large change at its end, not minutes later from autovacuum. */
@TestPropertySource(properties = "leadport.leads.analyze-after-changes=3")
class LeadStatisticsTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBulkChangeOfAtLeastTheThresholdRefreshesTheLeadTablesStatistics() {
        Api manager = as("manager");
        String tag = unique("stats");
        List<Long> ids = createTaggedLeads(manager, tag, 3);
        Timestamp before = lastAnalyze();

        Api.Response done = manager.post("/api/leads/bulk/update", map("ids", ids, "changes", map("status", "LOST")));

        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        // last_analyze moves only for an explicit ANALYZE (autovacuum records last_autoanalyze). The modification
        // counter is no witness: backends flush it up to a second late, after the ANALYZE has reset it.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lastAnalyze()).isNotNull().isNotEqualTo(before));
    }

    private Timestamp lastAnalyze() {
        return jdbc.sql("select last_analyze from pg_stat_user_tables where relname = 'lead'")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
    }
}
