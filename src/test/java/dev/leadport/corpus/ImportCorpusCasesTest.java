package dev.leadport.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import dev.leadport.support.ApiTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The cases of the import corpus one by one, against the real database: what the dry run reports for the file and
 * which leads land when it is imported with nothing changed.
 */
class ImportCorpusCasesTest extends ApiTestBase {

    private static final String PATH = "/api/leads/import-export";

    @Test
    void anEmptyWorkEmailColumnGivesWayToTheFullOtherEmailAndEveryRowLands() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/email-work-empty.csv", Map.of());
        assertThat(report.get("validRows").asLong()).isEqualTo(500);
        assertThat(report.get("targets").get("email").toString()).isEqualTo("[\"email_work\",\"email_other\"]");
        assertThat(targets(report))
                .containsEntry("organization_id", "ignore")
                .containsEntry("organization_name", "company");

        JsonNode job = importFile(admin, "generated/email-work-empty.csv", Map.of());
        assertThat(job.get("created").asLong()).isEqualTo(500);
        JsonNode lead = lead(admin, "marcus.mueller1@mail.example.net");
        assertThat(lead.get("company").asString()).isEqualTo("Acme Inc.");
        assertThat(lead.get("phone").asString()).isEqualTo("6468055998");
    }

    @Test
    void titleLinesAboveTheHeaderAreSkippedAndTheRowsLandWithTheirNames() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/title-lines-above-header.csv", Map.of());
        assertThat(report.get("reading").get("headerRow").asInt()).isEqualTo(4);
        assertThat(report.get("headers").toString())
                .isEqualTo("[\"First Name\",\"Last Name\",\"E-Mail\",\"Phone\",\"Company\"]");
        assertThat(report.get("validRows").asLong())
                .as(report.get("savedMappingApplied") + " " + report.get("mapping"))
                .isEqualTo(25);
        assertThat(report.get("sample").get(0).get("row").asLong()).isEqualTo(5);
        assertThat(report.get("sample").get(0).get("firstName").asString()).isEqualTo("Søren");
        assertThat(report.get("sample").get(0).get("lastName").asString()).isEqualTo("Müller");

        JsonNode job = importFile(admin, "generated/title-lines-above-header.csv", Map.of());
        // Made-up addresses of other corpus files may coincide; those rows are skipped as existing leads.
        assertThat(job.get("created").asLong() + job.get("skipped").asLong()).isEqualTo(25);
        assertThat(job.get("failed").asLong()).isZero();
    }

    @Test
    void aHeaderRowTheUserNamesIsUsedAndABadOneIsAClearError() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/title-lines-above-header.csv", Map.of("headerRow", "1"));
        assertThat(report.get("reading").get("headerRow").asInt()).isEqualTo(1);
        assertThat(report.get("headers").toString()).isEqualTo("[\"Leads from Expo 2026 (booth B12)\"]");

        Api.Response bad = admin.postMultipart(
                PATH + "/validate",
                Map.of("file", file("generated/title-lines-above-header.csv"), "headerRow", "first"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("headerRow").contains("'first' is not a row number");
    }

    @Test
    void shiftJisIsDetectedForSureAndJapaneseTextLandsUngarbled() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/japanese-shift-jis.csv", Map.of());
        assertThat(report.get("encoding").asString()).isEqualTo("Shift_JIS");
        assertThat(report.get("reading").get("encodingCertain").asBoolean()).isTrue();
        assertThat(targets(report)).containsEntry("メールアドレス", "email").containsEntry("姓", "lastName");

        importFile(admin, "generated/japanese-shift-jis.csv", Map.of());
        JsonNode lead = lead(admin, "sato.hanako1@example.co.jp");
        assertThat(lead.get("lastName").asString()).isEqualTo("佐藤");
        assertThat(lead.get("company").asString()).isEqualTo("株式会社サンプル商事");
    }

    @Test
    void anEncodingTheDetectorIsUnsureOfIsSaidAndMustBeChosenBeforeAnythingIsStored() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/japanese-euc-jp.csv", Map.of());
        assertThat(report.get("reading").get("encodingCertain").asBoolean()).isFalse();
        assertThat(report.get("reading").get("encodingAlternatives").toString()).contains("EUC-KR");

        Api.Response refused =
                admin.postMultipart(PATH + "/import", Map.of("file", file("generated/japanese-euc-jp.csv")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("encoding").contains("could not be told for sure");
        assertThat(lead(admin, "ito.kenta1@example.co.jp")).isNull();

        importFile(admin, "generated/japanese-euc-jp.csv", Map.of("encoding", "EUC-JP"));
        assertThat(lead(admin, "ito.kenta1@example.co.jp").get("lastName").asString())
                .isEqualTo("伊藤");
    }

    @Test
    void anUnknownEncodingNameIsAClearError() {
        Api.Response bad = as("admin")
                .postMultipart(
                        PATH + "/validate",
                        Map.of("file", file("generated/japanese-shift-jis.csv"), "encoding", "klingon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("'klingon' is not an encoding this server can read");
    }

    @Test
    void utf32WithAndWithoutBomIsReadNotRefusedAsBinary() {
        Api admin = as("admin");
        for (String file :
                List.of("generated/utf32le-bom.csv", "generated/utf32be-no-bom.csv", "generated/utf16le-no-bom.csv")) {
            JsonNode report = validate(admin, file, Map.of());
            assertThat(report.get("validRows").asLong()).as(file).isEqualTo(20);
            assertThat(report.get("sample").get(0).get("lastName").asString())
                    .as(file)
                    .isIn("Østergaard", "García");
        }
    }

    @Test
    void aPhoneColumnOfTextGivesWayToTheMobileAndTheNumberLands() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/two-phone-columns.csv", Map.of());
        assertThat(report.get("targets").get("phone").toString()).isEqualTo("[\"Phone\",\"Mobile\"]");
        assertThat(report.get("validRows").asLong()).isEqualTo(36);
        assertThat(report.get("invalidRows").asLong()).isEqualTo(4);
    }

    @Test
    void anOrganisationInTheNameColumnLandsWholeAsTheCompany() {
        Api admin = as("admin");
        importFile(admin, "generated/organisations-in-name-column.csv", Map.of());
        JsonNode organisation = lead(admin, "info2@firma.example.de");
        assertThat(organisation.get("company").asString()).isEqualTo("Acme Inc.");
        assertThat(organisation.path("firstName").isMissingNode()
                        || organisation.get("firstName").isNull())
                .isTrue();
        JsonNode person = lead(admin, "lukasz.schmidt1@firma.example.de");
        assertThat(person.get("firstName").asString()).isEqualTo("Łukasz");
        assertThat(person.get("lastName").asString()).isEqualTo("Schmidt");
    }

    @Test
    void stateHousingStatusAndOwnerIdOfASalesforceExportAreLeftAloneItsIdIsTheExternalIdAndEveryRowPasses() {
        Api admin = as("admin");
        JsonNode report = validate(admin, "generated/salesforce-lead-export.csv", Map.of());
        assertThat(targets(report))
                .containsEntry("State", "ignore")
                .containsEntry("Housing_Status__c", "ignore")
                .containsEntry("OwnerId", "ignore")
                // The record's own id is the external id an upsert matches by; OwnerId and AccountId stay out.
                .containsEntry("Id", "externalId")
                .containsEntry("Status", "status");
        assertThat(report.get("targets").get("phone").toString()).isEqualTo("[\"Phone\",\"MobilePhone\"]");
        assertThat(report.get("validRows").asLong()).isEqualTo(60);

        JsonNode contacts = validate(admin, "generated/salesforce-contact-export.csv", Map.of());
        assertThat(targets(contacts)).containsEntry("AccountId", "ignore");
        assertThat(contacts.get("sample").get(0).get("company").isNull()).isTrue();
    }

    private static Map<String, String> targets(JsonNode report) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (JsonNode column : report.get("mapping")) {
            targets.put(column.get("header").asString(), column.get("target").asString());
        }
        return targets;
    }

    private JsonNode validate(Api api, String file, Map<String, String> params) {
        Map<String, Object> parts = new HashMap<>(params);
        parts.put("file", file(file));
        Api.Response response = api.postMultipart(PATH + "/validate", parts);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode importFile(Api api, String file, Map<String, String> params) {
        Map<String, Object> parts = new HashMap<>(params);
        parts.put("file", file(file));
        Api.Response started = api.postMultipart(PATH + "/import", parts);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long id = started.json().get("id").asLong();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode job = api.get(PATH + "/imports/" + id).json();
            if (job.get("finishedAt") != null && !job.get("finishedAt").isNull()) {
                return job;
            }
            sleep();
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    /** The one lead whose email contains {@code text}, or null. */
    private static JsonNode lead(Api api, String text) {
        JsonNode items = api.get(
                        "/api/leads?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8))
                .json()
                .get("items");
        return items.isEmpty() ? null : items.get(0);
    }

    private static FilePart file(String name) {
        try (InputStream in = ImportCorpusCasesTest.class.getResourceAsStream("/corpus/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing corpus file " + name);
            }
            return new FilePart(name.substring(name.lastIndexOf('/') + 1), "text/csv", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
