package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportWizardJourneyTest extends BrowserTestBase {

    @Test
    void aMessyFileIsDroppedMappedReviewedImportedAndUndoneWithItsErrorsDownloaded() throws IOException {
        String source = unique("wizard");
        String csv = "First Name,E-mail Address,Lead Status,Company Name,Remarks,Lead Source\n"
                + "Ada,ada-" + source + "@example.com,New,Acme,first,"
                + source + "\n"
                + "Bob,bob-" + source + "@example.com,Sizzling,Beta,second,"
                + source + "\n"
                + "Cy,not-an-email,New,Gamma,third," + source + "\n"
                + "Di,di-" + source + "@example.com,New,Delta,fourth," + source + "\n";

        Page page = signIn("manager");
        page.navigate(url("/import"));
        checkPage(page, "import-upload");

        page.getByLabel("File to import")
                .setInputFiles(new FilePayload("leads.pdf", "application/pdf", new byte[] {37, 80, 68, 70}));
        assertThat(page.locator("#wizard-error")).containsText("is not a CSV or XLSX file");

        drop(page, "#dropzone", "messy-leads.csv", csv);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Map columns")))
                .isVisible();
        assertThat(page.getByLabel("E-mail Address")).hasValue("email");
        page.getByLabel("Remarks").selectOption("notes");
        assertThat(page.getByLabel("“Sizzling” becomes")).isVisible();
        checkPage(page, "import-map");
        page.getByLabel("“Sizzling” becomes").selectOption("QUALIFIED");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file with this mapping"))
                .click();
        assertThat(page.locator("#review-counts")).containsText("3would be created");
        assertThat(page.locator("#review-counts")).containsText("1rows with problems, not imported");
        page.getByLabel("Column", new Page.GetByLabelOptions().setExact(true)).selectOption("E-mail Address");
        assertThat(page.locator("#errors-table tbody tr")).hasCount(1);
        assertThat(page.locator("#errors-table tbody")).containsText("not-an-email");
        checkPage(page, "import-review");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import finished")))
                .isVisible();
        assertThat(page.locator("#run-progress")).hasAttribute("value", "100");
        assertThat(page.locator("#result-status")).containsText("COMPLETED WITH ERRORS");
        assertThat(page.locator("#result-counts")).containsText("3created");
        checkPage(page, "import-result");
        org.assertj.core.api.Assertions.assertThat(leadsWithSource(source)).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(as("manager")
                        .get("/api/leads?q=bob-" + source)
                        .json()
                        .get("items")
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("QUALIFIED");

        Download download =
                page.waitForDownload(() -> page.getByText("Download the rows with errors and warnings (CSV)")
                        .click());
        String errors = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(errors)
                .contains("error_message")
                .contains("not-an-email")
                .doesNotContain("ada-" + source);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo this import"))
                .click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep it")))
                .isFocused();
        page.getByRole(AriaRole.DIALOG)
                .getByRole(
                        AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Undo the import"))
                .click();
        assertThat(page.locator("#undo-result")).containsText("Undone: 3 created leads deleted");
        assertThat(page.locator("#result-status")).containsText("UNDONE");
        assertThat(page.locator("#result-status")).not().containsText("Completed");
        assertThat(page.locator("#result-status")).containsText("the leads it created are in the recycle bin");
        assertThat(page.locator("#undo-result")).isFocused();
        org.assertj.core.api.Assertions.assertThat(leadsWithSource(source)).isZero();
    }

    @Test
    void ownerAndStatusValuesAreMappedAConstantIsSetAndRowsWithWarningsAreImported() {
        String source = unique("values");
        String csv = "Email,Phone,Contact owner,Lead Status\n"
                + "a-" + source + "@example.com,229.077.5154,Max Manager,Hot\n"
                + "b-" + source + "@example.com,(415) 734-2291,HubSpot Jane,Rent\n"
                + "c-" + source + "@example.com,,HubSpot Jane,Rent\n";

        Page page = signIn("manager");
        page.navigate(url("/import"));
        drop(page, "#dropzone", "hubspot-contacts.csv", csv);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Map columns")))
                .isVisible();
        assertThat(page.locator("#value-maps")).containsText("Values in “Contact owner” (Owner)");
        assertThat(page.getByLabel("“HubSpot Jane” becomes")).hasValue("");
        assertThat(page.getByLabel("“Max Manager” becomes")).hasValue("manager");
        assertThat(page.getByLabel("“Hot” becomes")).hasValue("QUALIFIED");
        page.getByLabel("“HubSpot Jane” becomes").selectOption("rep");
        page.getByLabel("“Rent” becomes").selectOption("CONTACTED");
        page.getByText("Set a value for every row of this import").click();
        page.getByLabel("Source", new Page.GetByLabelOptions().setExact(true)).fill(source);
        checkPage(page, "import-map-values");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file with this mapping"))
                .click();
        assertThat(page.locator("#review-counts")).containsText("3would be created");
        assertThat(page.locator("#review-counts")).containsText("1imported with warnings");
        assertThat(page.locator("#errors-summary")).containsText("1 row is imported with a warning");
        assertThat(page.locator("#errors-summary")).not().containsText("No problems");
        assertThat(page.locator("#errors-table tbody")).containsText("Imported with a warning");
        assertThat(page.locator("#errors-table tbody")).containsText("229.077.5154");
        checkPage(page, "import-review-warnings");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import"))
                .click();
        assertThat(page.locator("#result-status")).containsText("COMPLETED");
        assertThat(page.locator("#result-status")).containsText("1 row was imported with a warning");
        assertThat(page.locator("#result-counts")).containsText("3created");
        assertThat(page.locator("#result-counts")).containsText("1with warnings");
        assertThat(page.getByText("Download the rows with errors and warnings (CSV)"))
                .isVisible();
        org.assertj.core.api.Assertions.assertThat(leadsWithSource(source)).isEqualTo(3);
        var b = as("manager")
                .get("/api/leads?q=b-" + source)
                .json()
                .get("items")
                .get(0);
        org.assertj.core.api.Assertions.assertThat(b.get("owner").asString()).isEqualTo("rep");
        org.assertj.core.api.Assertions.assertThat(b.get("status").asString()).isEqualTo("CONTACTED");
        var a = as("manager")
                .get("/api/leads?q=a-" + source)
                .json()
                .get("items")
                .get(0);
        org.assertj.core.api.Assertions.assertThat(a.get("phone").asString()).isEqualTo("229.077.5154");
        org.assertj.core.api.Assertions.assertThat(a.get("status").asString()).isEqualTo("QUALIFIED");
    }

    @Test
    void aHeaderOnlyFileHasNoDataRowsAndCannotBeStarted() {
        Page page = signIn("manager");
        page.navigate(url("/import"));
        drop(page, "#dropzone", "header-only.csv", "Email,First Name\n");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file with this mapping"))
                .click();
        assertThat(page.locator("#errors-summary")).hasText("The file has no data rows: it holds only a header line.");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import")))
                .isDisabled();
        assertThat(page.locator("#start-note")).containsText("no data rows");
    }

    @Test
    void aFileOverTheLimitOrOfTheWrongKindIsRefusedAtOnceWithAClearMessage() {
        Page page = signIn("rep");
        page.navigate(url("/import"));
        page.getByLabel("File to import").setInputFiles(new FilePayload("empty.csv", "text/csv", new byte[0]));
        assertThat(page.locator("#wizard-error")).containsText("“empty.csv” is empty");
        page.getByLabel("File to import")
                .setInputFiles(new FilePayload("photo.png", "image/png", new byte[] {1, 2, 3}));
        assertThat(page.locator("#wizard-error")).containsText("“photo.png” is not a CSV or XLSX file");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Upload a file")))
                .isVisible();
    }

    private long leadsWithSource(String source) {
        return as("manager")
                .get("/api/leads?source=" + source)
                .json()
                .get("total")
                .asLong();
    }

    /** Drops a file onto an element the way a user dragging it from the desktop does. */
    private static void drop(Page page, String selector, String fileName, String content) {
        JSHandle transfer = page.evaluateHandle(
                "([name, text]) => { const dt = new DataTransfer();"
                        + " dt.items.add(new File([text], name, { type: 'text/csv' })); return dt; }",
                java.util.List.of(fileName, content));
        page.dispatchEvent(selector, "dragover", Map.of("dataTransfer", transfer));
        page.dispatchEvent(selector, "drop", Map.of("dataTransfer", transfer));
    }
}
