package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.leadport.support.Api;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityJourneyTest extends BrowserTestBase {

    @Test
    void anImportIsFoundBySearchAndItsDetailLinksToItsErrorsAndResult() {
        String tag = unique("activity");
        String fileName = tag + ".csv";
        Api.Response started = as("manager")
                .postMultipart(
                        "/api/leads/import-export/import",
                        Map.of(
                                "file",
                                Api.FilePart.csv(
                                        fileName, "email,first name\n" + tag + "@x.io,Ann\nnot-an-email,Bad\n")));
        org.assertj.core.api.Assertions.assertThat(started.status())
                .as(started.toString())
                .isEqualTo(202);
        long importId = started.json().get("id").asLong();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> as("manager")
                        .get("/api/leads/import-export/imports/" + importId)
                        .json()
                        .get("status")
                        .asString()
                        .startsWith("COMPLETED"));

        Page page = signIn("manager");
        page.navigate(url("/activity"));
        page.getByLabel("Search").fill(tag);
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Search").setExact(true))
                .click();
        Locator rows = page.locator("#activity-table tbody tr", new Page.LocatorOptions().setHasText(fileName));
        assertThat(rows.first()).containsText("IMPORT");
        assertThat(rows.first()).containsText("COMPLETED WITH ERRORS");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*q=" + tag + ".*"));
        checkPage(page, "activity");

        rows.first().getByRole(AriaRole.BUTTON).click();
        Locator detail = page.locator("#activity-detail");
        assertThat(detail).containsText(fileName);
        assertThat(detail.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Open the import (result, error file, undo)")))
                .hasAttribute("href", "/import?job=" + importId);
        checkPage(page, "activity-detail");
        detail.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Open the import (result, error file, undo)"))
                .click();
        assertThat(page.locator("#result-counts")).containsText("1created");
    }
}
