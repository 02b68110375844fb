package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.leadport.support.Api.map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeadsListJourneyTest extends BrowserTestBase {

    @Test
    void filtersRefreshTheListAndTheAddressAndSelectionOffersAllMatchingLeads() {
        String source = unique("list");
        for (int i = 0; i < 27; i++) {
            createLead(
                    as("manager"),
                    map(
                            "email",
                            source + "-" + i + "@x.io",
                            "firstName",
                            "Lead" + i,
                            "source",
                            source,
                            "status",
                            i % 3 == 0 ? "QUALIFIED" : "NEW"));
        }
        Page page = signIn("manager");
        page.navigate(url("/leads"));
        page.locator("#source").fill(source);
        page.locator("#source").press("Enter");
        assertThat(page.locator("#results-count")).containsText("27 leads match");
        assertThat(page).hasURL(Pattern.compile(".*source=" + source + ".*"));

        page.locator("#status-filter summary").click();
        page.locator("#status-QUALIFIED").check();
        assertThat(page.locator("#results-count")).containsText("9 leads match");
        assertThat(page).hasURL(Pattern.compile(".*status=QUALIFIED.*"));
        page.locator("#status-QUALIFIED").uncheck();
        page.locator("#status-filter summary").click();
        assertThat(page.locator("#results-count")).containsText("27 leads match");

        page.getByLabel("Select Lead26").check();
        assertThat(page.locator("#selection-summary")).hasText("1 lead selected.");
        page.getByLabel("Select all leads on this page").check();
        assertThat(page.locator("#selection-summary")).hasText("25 leads selected.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Select all 27 leads matching the filters"))
                .click();
        assertThat(page.locator("#selection-summary")).hasText("All 27 leads matching the filters are selected.");
        checkPage(page, "leads");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page"))
                .click();
        assertThat(page.locator("#results tbody tr")).hasCount(2);
        assertThat(page.locator("#results input.select-lead:checked")).hasCount(2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear selection"))
                .click();
        assertThat(page.locator("#bulk-bar")).isHidden();
    }

    @Test
    void aRepIsNotOfferedBulkDeleteOrAssigningToOthers() {
        String source = unique("rep-bulk");
        user("rep-list", "REP");
        createLead(as("rep-list"), map("email", source + "@x.io", "firstName", "Mine", "source", source));
        Page page = signIn("rep-list");
        page.navigate(url("/leads?source=" + source));
        page.getByLabel("Select Mine").check();
        assertThat(page.locator("#bulk-action option")).hasText(new String[] {"Change status", "Assign owner"});
        page.locator("#bulk-action").selectOption("assign");
        assertThat(page.locator("#bulk-owner option")).hasText(new String[] {"rep-list"});
    }
}
