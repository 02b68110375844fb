package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.JSHandle;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ImportGridJourneyTest extends BrowserTestBase {

    @Test
    void aBadEmailIsFixedARowDroppedAndAValueReplacedInTheGridByKeyboardThenImported() {
        String tag = unique("grid");
        String csv = "Email,First Name,Role,Phone,Source\n"
                + "ann-" + tag + "@example.com,Ann,Sales Rep,," + tag + "\n"
                + "not-an-email,Bob,Sales Rep,," + tag + "\n"
                + "cy-" + tag + "@example.com,Cy,Sales Rep,12," + tag + "\n"
                + "di-" + tag + "@example.com,Di,Founder,," + tag + "\n";

        Page page = signIn("manager");
        page.navigate(url("/import"));
        drop(page, "#dropzone", "grid-leads.csv", csv);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Map columns")))
                .isVisible();
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("jobTitle");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check the file with this mapping"))
                .click();
        assertThat(page.locator("#review-counts")).containsText("1rows with problems, not imported");
        assertThat(page.locator("#errors-table tbody tr")).hasCount(2);
        assertThat(page.getByLabel("Row 3, Email")).hasValue("not-an-email");
        checkPage(page, "import-grid");

        // Fix the email by keyboard: type, Enter; the row is checked again and the focus stays in the cell.
        page.getByLabel("Row 3, Email").focus();
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("bob-" + tag + "@example.com");
        page.keyboard().press("Enter");
        assertThat(page.locator("tr[data-row='3'] .outcome")).hasText("Fixed: will be imported");
        assertThat(page.getByLabel("Row 3, Email")).isFocused();
        assertThat(page.locator("#grid-status")).containsText("Row 3 saved and checked again");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Row 3, First Name")).isFocused();

        // Drop the row with the bad phone, by keyboard too.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Drop row 4"))
                .focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("tr[data-row='4'] .outcome")).hasText("Dropped");
        assertThat(page.getByLabel("Row 4, Email")).isDisabled();

        page.getByText("Replace a value in a whole column").click();
        page.getByLabel("Replace in column").selectOption("Role");
        page.getByLabel("Value to replace").fill("sales rep");
        page.getByLabel("Replace with").fill("rep");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replace everywhere"))
                .click();
        assertThat(page.locator("#grid-status")).containsText("checked again");
        assertThat(page.getByLabel("Row 3, Role")).hasValue("rep");
        assertThat(page.locator("#changed-note")).isVisible();
        checkPage(page, "import-grid-edited");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the import"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import finished")))
                .isVisible();
        assertThat(page.locator("#result-counts")).containsText("3created");
        Map<String, String> titles = titles(tag);
        org.assertj.core.api.Assertions.assertThat(titles)
                .containsOnlyKeys(
                        "ann-" + tag + "@example.com", "bob-" + tag + "@example.com", "di-" + tag + "@example.com")
                .containsEntry("ann-" + tag + "@example.com", "rep")
                .containsEntry("bob-" + tag + "@example.com", "rep")
                .containsEntry("di-" + tag + "@example.com", "Founder");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the leads list"))
                .click();
        assertThat(page.locator("main")).containsText("bob-" + tag + "@example.com");
    }

    /** Drops a file onto an element the way a user dragging it from the desktop does. */
    static void drop(Page page, String selector, String fileName, String content) {
        JSHandle transfer = page.evaluateHandle(
                "([name, text]) => { const dt = new DataTransfer();"
                        + " dt.items.add(new File([text], name, { type: 'text/csv' })); return dt; }",
                java.util.List.of(fileName, content));
        page.dispatchEvent(selector, "dragover", Map.of("dataTransfer", transfer));
        page.dispatchEvent(selector, "drop", Map.of("dataTransfer", transfer));
    }

    Map<String, String> titles(String tag) {
        Map<String, String> titles = new HashMap<>();
        for (JsonNode lead : as("manager")
                .get("/api/leads?source=" + tag + "&size=50")
                .json()
                .get("items")) {
            JsonNode title = lead.get("jobTitle");
            titles.put(lead.get("email").asString(), title == null || title.isNull() ? null : title.asString());
        }
        return titles;
    }
}
