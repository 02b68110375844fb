package dev.leadport.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.leadport.leads.SqlWhere;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSqlTest {

    @Test
    void inlineWritesParametersAsLiteralsAndLeavesQuotedTextAndCastsAlone() {
        SqlWhere statement = new SqlWhere(
                "select to_char(x, 'HH24:MI:SS'), y::text, ':not_a_param' from t where a = :text and b in (:list)"
                        + " and c >= :at and d = :n and e = cast(:json as jsonb)",
                Map.of(
                        "text",
                        "O'Brien; drop table lead; --",
                        "list",
                        List.of("NEW", "LOST"),
                        "at",
                        Timestamp.from(Instant.parse("2026-01-02T03:04:05Z")),
                        "n",
                        42L,
                        "json",
                        "{\"1\":\"admin\"}"));

        assertThat(ExportSql.inline(statement))
                .isEqualTo("select to_char(x, 'HH24:MI:SS'), y::text, ':not_a_param' from t where"
                        + " a = 'O''Brien; drop table lead; --' and b in ('NEW', 'LOST')"
                        + " and c >= cast('2026-01-02T03:04:05Z' as timestamptz) and d = 42"
                        + " and e = cast('{\"1\":\"admin\"}' as jsonb)");
    }

    @Test
    void inlineRefusesAParameterWithoutAValue() {
        assertThatThrownBy(() -> ExportSql.inline(new SqlWhere("select :missing", Map.of())))
                .hasMessageContaining(":missing");
    }
}
