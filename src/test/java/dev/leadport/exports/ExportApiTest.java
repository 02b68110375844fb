package dev.leadport.exports;

import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.leadport.leads.LeadField;
import dev.leadport.shared.events.OperationEvent;
import dev.leadport.shared.events.OperationStatus;
import dev.leadport.shared.events.OperationType;
import dev.leadport.support.Api;
import dev.leadport.support.ApiTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ExportApiTest extends ApiTestBase {

    private static final String EXPORT = "/api/leads/import-export/export";

    @Autowired
    RecordedOperations operations;

    @Test
    void csvHasTheChosenFieldsInTheGivenOrderWithLabelsOrKeys() {
        Api admin = as("admin");
        String tag = unique("order");
        createLead(admin, map("email", tag + "-a@x.io", "firstName", "Ada", "source", tag, "status", "QUALIFIED"));
        createLead(admin, map("email", tag + "-b@x.io", "firstName", "Bob", "source", tag));

        List<List<String>> labels = csv(admin, EXPORT + "?source=" + tag + "&fields=email,firstName,status");
        assertThat(labels)
                .containsExactly(
                        List.of("Email", "First name", "Status"),
                        List.of(tag + "-a@x.io", "Ada", "QUALIFIED"),
                        List.of(tag + "-b@x.io", "Bob", "NEW"));

        List<List<String>> keys = csv(admin, EXPORT + "?source=" + tag + "&fields=status,%20Email&header=keys");
        assertThat(keys.get(0)).containsExactly("status", "email");
        assertThat(keys.get(1)).containsExactly("QUALIFIED", tag + "-a@x.io");
    }

    @Test
    void defaultExportHasEveryStandardFieldThenCustomFieldsWithOwnerNameAndIsoDates() {
        Api admin = as("admin");
        String tag = unique("all");
        String key = "tier_" + tag.replace("-", "_");
        Api.Response field =
                admin.post("/api/custom-fields", Map.of("key", key, "label", "Tier " + tag, "type", "TEXT"));
        assertThat(field.status()).as(field.toString()).isEqualTo(201);
        JsonNode lead = createLead(
                admin,
                map("email", tag + "@x.io", "source", tag, "phone", "+1 415 555 0100", "custom", Map.of(key, "gold")));

        List<List<String>> rows = csv(admin, EXPORT + "?source=" + tag);
        List<String> header = rows.get(0);
        List<String> standard =
                Arrays.stream(LeadField.values()).map(LeadField::label).toList();
        assertThat(header.subList(0, standard.size())).isEqualTo(standard);
        assertThat(header).contains("Tier " + tag);
        List<String> row = rows.get(1);
        assertThat(row.get(header.indexOf("ID"))).isEqualTo(lead.get("id").asString());
        assertThat(row.get(header.indexOf("Owner"))).isEqualTo("admin");
        assertThat(row.get(header.indexOf("Phone"))).isEqualTo("+1 415 555 0100");
        assertThat(row.get(header.indexOf("Tier " + tag))).isEqualTo("gold");
        assertThat(row.get(header.indexOf("Created at")))
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")
                .startsWith(lead.get("createdAt").asString().substring(0, 19));
    }

    @Test
    void everyFilterSelectsOnlyMatchingLeads() {
        Api admin = as("admin");
        long rep2 = user("exrep2", "REP");
        String tag = unique("filter");
        createLead(admin, map("email", tag + "-new@x.io", "source", tag, "company", "Acme Rockets"));
        createLead(admin, map("email", tag + "-won@x.io", "source", tag, "status", "CONVERTED"));
        createLead(admin, map("email", tag + "-lost@x.io", "source", tag, "status", "LOST", "ownerId", rep2));
        String base = EXPORT + "?fields=email&source=" + tag;
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        assertThat(emails(admin, base)).containsExactly(tag + "-new@x.io", tag + "-won@x.io", tag + "-lost@x.io");
        assertThat(emails(admin, base + "&status=CONVERTED&status=LOST"))
                .containsExactly(tag + "-won@x.io", tag + "-lost@x.io");
        assertThat(emails(admin, base + "&status=CONVERTED,LOST"))
                .containsExactly(tag + "-won@x.io", tag + "-lost@x.io");
        assertThat(emails(admin, base + "&status=CONVERTED&status=")).containsExactly(tag + "-won@x.io");
        assertThat(emails(admin, base + "&owner=exrep2")).containsExactly(tag + "-lost@x.io");
        assertThat(emails(admin, base + "&owner=" + rep2)).containsExactly(tag + "-lost@x.io");
        assertThat(emails(admin, base + "&q=rockets")).containsExactly(tag + "-new@x.io");
        assertThat(emails(admin, base + "&createdFrom=" + today + "&createdTo=" + today))
                .hasSize(3);
        assertThat(emails(admin, base + "&createdFrom=" + tomorrow)).isEmpty();
        assertThat(emails(admin, base + "&createdTo=" + yesterday)).isEmpty();
        assertThat(emails(admin, base + "&updatedFrom=" + today + "&updatedTo=" + today))
                .hasSize(3);
        assertThat(emails(admin, base + "&updatedTo=" + yesterday)).isEmpty();
        assertThat(emails(admin, EXPORT + "?fields=email&source=" + tag.toUpperCase()))
                .hasSize(3);
    }

    @Test
    void repExportsOnlyTheirOwnLeads() {
        user("exrep", "REP");
        String tag = unique("mine");
        createLead(as("exrep"), map("email", tag + "-mine@x.io", "source", tag));
        createLead(as("admin"), map("email", tag + "-theirs@x.io", "source", tag));

        assertThat(emails(as("exrep"), EXPORT + "?fields=email&source=" + tag)).containsExactly(tag + "-mine@x.io");
        assertThat(as("exrep")
                        .get(EXPORT + "/preview?source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(emails(as("admin"), EXPORT + "?fields=email&source=" + tag)).hasSize(2);
    }

    @Test
    void formulaLikeValuesAreNeutralisedUnlessTurnedOff() {
        Api admin = as("admin");
        String tag = unique("formula");
        createLead(
                admin,
                map(
                        "email", tag + "@x.io",
                        "source", tag,
                        "company", "=HYPERLINK(\"http://evil\",\"x\")",
                        "jobTitle", "@SUM(A1)",
                        "notes", "-2+3",
                        "lastName", "+cmd|' /C calc'!A0",
                        "phone", "+1 415 555 0101"));
        String query = "?source=" + tag + "&fields=company,jobTitle,notes,lastName,phone";

        List<String> safe = csv(admin, EXPORT + query).get(1);
        assertThat(safe)
                .containsExactly(
                        "'=HYPERLINK(\"http://evil\",\"x\")",
                        "'@SUM(A1)",
                        "'-2+3",
                        "'+cmd|' /C calc'!A0",
                        "+1 415 555 0101");

        List<String> raw = csv(admin, EXPORT + query + "&neutralise=false").get(1);
        assertThat(raw)
                .containsExactly(
                        "=HYPERLINK(\"http://evil\",\"x\")",
                        "@SUM(A1)",
                        "-2+3",
                        "+cmd|' /C calc'!A0",
                        "+1 415 555 0101");
    }

    @Test
    void csvIsUtf8WithRfc4180QuotingAndAnOptionalBom() {
        Api admin = as("admin");
        String tag = unique("bom");
        createLead(admin, map("email", tag + "@x.io", "source", tag, "company", "Müller, \"Söhne\"\nGmbH"));
        String query = EXPORT + "?source=" + tag + "&fields=email,company";

        byte[] plain = admin.get(query).bytes();
        assertThat(new String(plain, StandardCharsets.UTF_8))
                .isEqualTo("Email,Company\r\n" + tag + "@x.io,\"Müller, \"\"Söhne\"\"\nGmbH\"\r\n");
        byte[] withBom = admin.get(query + "&bom=true").bytes();
        assertThat(Arrays.copyOf(withBom, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(Arrays.copyOfRange(withBom, 3, withBom.length)).isEqualTo(plain);
    }

    @Test
    void downloadIsAnAttachmentWithADatedFileName() {
        Api admin = as("admin");
        Api.Response csv = admin.get(EXPORT + "?fields=email&source=" + unique("none"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"leads-" + LocalDate.now(ZoneOffset.UTC) + ".csv\"");

        Api.Response xlsx = admin.get(EXPORT + "?format=xlsx&fields=email&source=" + unique("none"));
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.header("Content-Disposition")).endsWith(".xlsx\"");
    }

    @Test
    void xlsxHasTheSameCellsAsTheCsvWithoutApostrophes() throws IOException {
        Api admin = as("admin");
        String tag = unique("xlsx");
        createLead(admin, map("email", tag + "-1@x.io", "source", tag, "company", "=1+1", "firstName", "Zoë"));
        createLead(admin, map("email", tag + "-2@x.io", "source", tag, "notes", "line one\nline two"));

        Api.Response response =
                admin.get(EXPORT + "?format=xlsx&source=" + tag + "&fields=email,firstName,company,notes");
        assertThat(response.status()).isEqualTo(200);
        List<List<String>> rows = xlsx(response.bytes());
        assertThat(rows)
                .containsExactly(
                        List.of("Email", "First name", "Company", "Notes"),
                        List.of(tag + "-1@x.io", "Zoë", "=1+1", ""),
                        List.of(tag + "-2@x.io", "", "", "line one\nline two"));
    }

    @Test
    void previewShowsTheTotalAndTheFirstRowsExactlyAsTheFile() {
        Api admin = as("admin");
        String tag = unique("preview");
        for (int i = 0; i < 23; i++) {
            createLead(
                    admin, map("email", tag + "-" + i + "@x.io", "source", tag, "company", i % 2 == 0 ? "=X" : "Co"));
        }
        String query = "?source=" + tag + "&fields=id,email,company,owner,createdAt";

        JsonNode preview = admin.get(EXPORT + "/preview" + query).json();
        List<List<String>> file = csv(admin, EXPORT + query);
        assertThat(preview.get("total").asLong()).isEqualTo(23);
        assertThat(preview.get("fields").get(2).get("key").asString()).isEqualTo("company");
        assertThat(preview.get("fields").get(2).get("label").asString()).isEqualTo("Company");
        List<List<String>> previewRows = new ArrayList<>();
        preview.get("rows").forEach(r -> {
            List<String> cells = new ArrayList<>();
            r.forEach(c -> cells.add(c.asString()));
            previewRows.add(cells);
        });
        assertThat(previewRows).hasSize(20).isEqualTo(file.subList(1, 21));
        assertThat(previewRows.get(0).get(2)).isEqualTo("'=X");
    }

    @Test
    void badParametersAreAnsweredWithProblemsNamingTheParameter() {
        Api admin = as("admin");
        Api.Response field = admin.get(EXPORT + "?fields=email,shoeSize");
        assertThat(field.status()).isEqualTo(400);
        assertThat(field.json().get("errors").get(0).get("field").asString()).isEqualTo("fields");
        assertThat(field.json().get("detail").asString()).contains("shoeSize");

        assertThat(errorField(admin.get(EXPORT + "?format=pdf"))).isEqualTo("format");
        assertThat(errorField(admin.get(EXPORT + "?header=both"))).isEqualTo("header");
        assertThat(errorField(admin.get(EXPORT + "?status=MAYBE"))).isEqualTo("status");
        assertThat(errorField(admin.get(EXPORT + "?createdFrom=yesterday"))).isEqualTo("createdFrom");
        assertThat(errorField(admin.get(EXPORT + "?owner=nobody-at-all"))).isEqualTo("owner");
        assertThat(errorField(admin.get(EXPORT + "/preview?fields=nope"))).isEqualTo("fields");
    }

    @Test
    void everyExportIsRecordedAsAnOperationEventWithFiltersFieldsAndRows() {
        user("exaudit", "MANAGER");
        Api manager = as("exaudit");
        String tag = unique("event");
        createLead(manager, map("email", tag + "-1@x.io", "source", tag));
        createLead(manager, map("email", tag + "-2@x.io", "source", tag));

        assertThat(csv(manager, EXPORT + "?source=" + tag + "&fields=email,status&format=csv"))
                .hasSize(3);

        List<OperationEvent> events = operations.of(OperationType.EXPORT, "exaudit");
        assertThat(events)
                .extracting(OperationEvent::status)
                .containsExactly(OperationStatus.RUNNING, OperationStatus.COMPLETED);
        OperationEvent done = events.get(1);
        assertThat(done.operationId()).isEqualTo(events.get(0).operationId());
        assertThat(done.counts().processed()).isEqualTo(2);
        assertThat(done.durationMillis()).isNotNull();
        assertThat(done.parameters().get("fields")).isEqualTo(List.of("email", "status"));
        assertThat(done.parameters().get("format")).isEqualTo("csv");
        @SuppressWarnings("unchecked")
        Map<String, Object> filters = (Map<String, Object>) done.parameters().get("filters");
        assertThat(filters.get("source")).isEqualTo(tag);
    }

    static String errorField(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("errors").get(0).get("field").asString();
    }

    static List<List<String>> csv(Api api, String path) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return parse(response.body());
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (CsvRecord record : CsvReader.builder().ofCsvRecord(text)) {
            rows.add(record.getFields());
        }
        return rows;
    }

    private static List<String> emails(Api api, String path) {
        return csv(api, path).stream().skip(1).map(r -> r.get(0)).toList();
    }

    static List<List<String>> xlsx(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getFirstSheet();
            int width = 0;
            List<Row> read = sheet.read();
            for (Row row : read) {
                width = Math.max(width, row.getCellCount());
            }
            for (Row row : read) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(row.getCellAsString(c).orElse(""));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
