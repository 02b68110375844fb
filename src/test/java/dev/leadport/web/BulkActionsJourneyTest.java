package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.leadport.support.Api.map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class BulkActionsJourneyTest extends BrowserTestBase {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aManagerBulkAssignsAllMatchingLeadsAfterSeeingTheCountsAndGetsPerLeadResults() {
        String source = unique("bulk-assign");
        for (int i = 0; i < 3; i++) {
            createLead(
                    as("manager"), map("email", source + "-" + i + "@x.io", "firstName", "Bulk" + i, "source", source));
        }
        Page page = signIn("manager");
        page.navigate(url("/leads?source=" + source));
        page.getByLabel("Select all leads on this page").check();
        page.locator("#bulk-action").selectOption("assign");
        page.locator("#bulk-owner").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("rep"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review change…"))
                .click();

        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Nothing has changed yet");
        assertThat(dialog.locator("dl")).containsText("Requested3");
        assertThat(dialog.locator("dl")).containsText("Assigned3");
        checkPage(page, "leads-bulk-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign to rep now"))
                .click();

        assertThat(dialog.locator("h2")).hasText("Bulk change finished");
        assertThat(dialog.locator(".results-table tbody tr")).hasCount(3);
        assertThat(dialog.locator(".results-table tbody")).containsText("ASSIGNED");
        checkPage(page, "leads-bulk-results");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(page.locator("#results tbody")).containsText("rep");
        org.assertj.core.api.Assertions.assertThat(leadsSeenBy("rep", source)).isEqualTo(3);
    }

    @Test
    void deletedLeadsGoToTheRecycleBinAndComeBackWithRestore() {
        String source = unique("bulk-bin");
        createLead(as("manager"), map("email", source + "@x.io", "firstName", "Binned", "source", source));
        Page page = signIn("manager");
        page.navigate(url("/leads?source=" + source));
        page.getByLabel("Select Binned").check();
        page.locator("#bulk-action").selectOption("delete");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review change…"))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move to the recycle bin now"))
                .click();
        assertThat(dialog.locator(".results-table tbody")).containsText("DELETED");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close"))
                .click();
        assertThat(page.locator("#results-count")).containsText("0 leads match");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Recycle bin"))
                .click();
        page.getByLabel("Select Binned").check();
        checkPage(page, "recycle-bin");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore 1 selected"))
                .click();
        assertThat(page.locator("#bin-message")).containsText("Restored 1 of 1 lead");
        org.assertj.core.api.Assertions.assertThat(leadsSeenBy("manager", source))
                .isEqualTo(1);
    }

    @Test
    void whenTooManyMatchToCountTheListEstimatesAndTheReviewCountsThemExactly() {
        String source = unique("bulk-many");
        jdbc.sql("""
                        insert into lead (email, first_name, source, owner_id)
                        select 'many' || g || '-' || :source || '@x.io', 'Many' || g, :source,
                               (select id from app_user where username = 'manager')
                        from generate_series(1, 10050) g
                        """).param("source", source).update();
        jdbc.sql("analyze lead").update();
        try {
            Page page = signIn("manager");
            page.navigate(url("/leads?source=" + source));
            assertThat(page.locator("#results-count"))
                    .containsText(
                            java.util.regex.Pattern.compile("(About 10,[0-9]{3}|More than 10,000)\\s+leads match"));
            page.getByLabel("Select all leads on this page").check();
            Locator offer = page.locator("#select-all-matching");
            assertThat(offer).containsText("Select all leads matching the filters (");
            offer.click();
            assertThat(page.locator("#selection-summary"))
                    .containsText("All leads matching the filters are selected (");
            page.locator("#bulk-action").selectOption("status");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review change…"))
                    .click();

            // The review counts what the list only estimated.
            Locator dialog = page.getByRole(AriaRole.DIALOG);
            assertThat(dialog).containsText("10,050 leads selected. Nothing has changed yet");
            assertThat(dialog.locator("dl")).containsText("Requested10,050");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                    .click();
        } finally {
            jdbc.sql("delete from lead where source = :source")
                    .param("source", source)
                    .update();
        }
    }

    /** How many leads with this source the user sees through the API. */
    private long leadsSeenBy(String username, String source) {
        return as(username)
                .get("/api/leads?source=" + source)
                .json()
                .get("total")
                .asLong();
    }
}
