package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.leadport.support.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.leadport.support.Api;
import dev.leadport.support.Api.FilePart;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeadPageJourneyTest extends BrowserTestBase {

    @Test
    void aLeadOpensFromTheListSavesAnEditAndShowsTheEditAndItsImportInItsHistory() {
        String tag = unique("page");
        long job = importCsv(
                as("manager"),
                "email,first name,last name,company,phone,source\n" + tag + "@x.io,Grace,Hopper,Navy,+1 415 555 0100,"
                        + tag + "\n");
        Page page = signIn("manager");
        page.navigate(url("/leads?source=" + tag));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Grace Hopper"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/leads/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Grace Hopper")))
                .isVisible();
        assertThat(page.getByLabel("Company")).hasValue("Navy");

        page.getByLabel("Email").fill("not-an-email");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        assertThat(page.locator("#form-errors")).containsText("email: 'not-an-email' is not a valid email address");
        assertThat(page.getByLabel("Email")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Company")).hasValue("Navy");

        page.getByLabel("Email").fill(tag + "@x.io");
        page.getByLabel("Company").fill("US Navy");
        page.getByLabel("Status").selectOption("QUALIFIED");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes"))
                .click();
        assertThat(page.locator("#lead-message")).hasText("The changes were saved.");

        Locator entries = page.locator(".history-entry");
        assertThat(entries).hasCount(2);
        assertThat(entries.nth(0)).containsText("Edited by manager");
        assertThat(entries.nth(0)
                        .locator("tr", new Locator.LocatorOptions().setHasText("Company"))
                        .locator("td"))
                .hasText(new String[] {"Navy", "US Navy"});
        assertThat(entries.nth(0)
                        .locator("tr", new Locator.LocatorOptions().setHasText("Status"))
                        .locator("td"))
                .hasText(new String[] {"NEW", "QUALIFIED"});
        assertThat(entries.nth(1)).containsText("Created by import of leads.csv");
        assertThat(entries.nth(1).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Import " + job)))
                .hasAttribute("href", "/import?job=" + job);
        checkPage(page, "lead");
    }

    @Test
    void aLeadIsCreatedFromTheListAndDeletedToTheRecycleBin() {
        String tag = unique("new");
        Page page = signIn("manager");
        page.navigate(url("/leads"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New lead"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create lead"))
                .click();
        assertThat(page.locator("#form-errors")).containsText("email: a lead needs an email or a phone");
        checkPage(page, "lead-new");

        page.getByLabel("First name").fill("Ada");
        page.getByLabel("Last name").fill("Lovelace");
        page.getByLabel("Email").fill(tag + "@x.io");
        page.getByLabel("Source").fill(tag);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create lead"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ada Lovelace")))
                .isVisible();
        assertThat(page.locator("#lead-message")).hasText("The lead was created.");
        assertThat(page.locator(".history-entry")).containsText(new String[] {"Created by manager"});

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move to the recycle bin"))
                .click();
        assertThat(page.locator("#list-message")).containsText("Ada Lovelace was moved to the recycle bin");
        assertThat(as("manager")
                        .get("/api/leads?source=" + tag)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void anAddressWithoutALeadAnswersWithAPageNotJson() {
        Page page = signIn("rep");
        var response = page.navigate(url("/leads/999999999"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headerValue("content-type")).startsWith("text/html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("There is no lead with id 999999999.");
        assertThat(page.navigate(url("/leads/abc")).status()).isEqualTo(404);
        assertThat(page.navigate(url("/no-such-page")).status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not found")))
                .isVisible();
        long others = createLead(as("manager"), map("email", unique("others") + "@x.io"))
                .get("id")
                .asLong();
        assertThat(page.navigate(url("/leads/" + others)).status()).isEqualTo(403);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("belongs to another user");
    }

    @Test
    void theListSortsByAColumnAndFiltersByTwoStatusesAndCarriesItsFiltersToExport() {
        String tag = unique("sort");
        Api manager = as("manager");
        List<String> companies = List.of("Delta", "alpha", "Charlie", "bravo", "Echo");
        List<String> statuses = List.of("NEW", "QUALIFIED", "LOST", "QUALIFIED", "NEW");
        for (int i = 0; i < companies.size(); i++) {
            createLead(
                    manager,
                    map(
                            "email",
                            tag + "-" + i + "@x.io",
                            "firstName",
                            "Lead" + i,
                            "company",
                            companies.get(i),
                            "status",
                            statuses.get(i),
                            "source",
                            tag));
        }
        Page page = signIn("manager");
        page.navigate(url("/leads?source=" + tag));
        assertThat(page.locator("#results-count")).containsText("5 leads match");
        page.locator("#status-filter summary").click();
        page.getByLabel("QUALIFIED", new Page.GetByLabelOptions().setExact(true))
                .check();
        assertThat(page.locator("#results-count")).containsText("2 leads match");
        page.getByLabel("LOST", new Page.GetByLabelOptions().setExact(true)).check();
        assertThat(page.locator("#results-count")).containsText("3 leads match");
        assertThat(page).hasURL(Pattern.compile(".*status=QUALIFIED.*status=LOST.*"));
        assertThat(page.locator("#status-summary")).hasText("QUALIFIED, LOST");
        page.locator("#status-filter summary").click();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Company")))
                .click();
        assertThat(page.locator("#results td.cell-company")).hasText(new String[] {"alpha", "bravo", "Charlie"});
        assertThat(page.locator("th[aria-sort=ascending]")).hasText("Company ▲");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Company")))
                .click();
        assertThat(page.locator("#results td.cell-company")).hasText(new String[] {"Charlie", "bravo", "alpha"});
        assertThat(page.locator("th[aria-sort=descending]")).hasText("Company ▼");
        checkPage(page, "leads-sorted");
        page.locator("#status-filter summary").click();
        page.getByLabel("LOST", new Page.GetByLabelOptions().setExact(true)).uncheck();
        // A filter changed after sorting keeps the order.
        assertThat(page.locator("#results td.cell-company")).hasText(new String[] {"bravo", "alpha"});

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export these leads"))
                .click();
        assertThat(page.locator("#ex-source")).hasValue(tag);
        assertThat(page.locator("#ex-status-QUALIFIED")).isChecked();
        assertThat(page.locator("#ex-status-LOST")).not().isChecked();
        assertThat(page.locator("#ex-status-NEW")).not().isChecked();
        assertThat(page.locator("#export-count")).containsText("2 leads match");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the leads list"))
                .click();
        assertThat(page.locator("#results-count")).containsText("2 leads match");
        assertThat(page.locator("#status-QUALIFIED")).isChecked();
    }

    private long importCsv(Api api, String csv) {
        Api.Response started = api.postMultipart(
                "/api/leads/import-export/import",
                Map.of("file", FilePart.csv("leads.csv", csv), "duplicateMode", "SKIP"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        long job = started.json().get("id").asLong();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            String status = api.get("/api/leads/import-export/imports/" + job)
                    .json()
                    .get("status")
                    .asString();
            if (status.startsWith("COMPLETED")) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import " + job + " did not finish");
    }
}
