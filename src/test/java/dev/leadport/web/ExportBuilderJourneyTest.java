package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ExportBuilderJourneyTest extends BrowserTestBase {

    @Test
    void chosenFieldsInTheirOrderAndTheFiltersMakeTheDownloadRequest() {
        Page page = signIn("manager");
        page.navigate(url("/export"));
        page.getByLabel("Phone", new Page.GetByLabelOptions().setExact(true)).uncheck();
        // Fields start First name, Last name, Email; one step up puts Email before Last name.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Email up"))
                .click();
        page.locator("#ex-status-QUALIFIED").check();
        page.locator("#ex-status-CONTACTED").check();
        page.locator("#ex-source").fill("fair 2026");
        page.getByLabel("Excel (XLSX)").check();
        assertThat(page.locator("#export-download"))
                .hasAttribute(
                        "href",
                        Pattern.compile(
                                ".*fields=firstName%2Cemail%2ClastName%2Ccompany.*status=CONTACTED&status=QUALIFIED"
                                        + "&source=fair\\+2026.*format=xlsx.*"));
        page.locator("#field-picker input:checked").evaluateAll("boxes => boxes.forEach(b => b.click())");
        assertThat(page.locator("#export-count")).hasText("Choose at least one column.");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        checkPage(page, "export");
    }
}
