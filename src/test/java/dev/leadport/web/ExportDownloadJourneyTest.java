package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.leadport.support.Api.map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class ExportDownloadJourneyTest extends BrowserTestBase {

    @Test
    void theFilteredPreviewMatchesTheDownloadedFileWithTheChosenColumnsInOrder() throws IOException {
        String source = unique("export");
        createLead(
                as("manager"),
                map("email", source + "-q@x.io", "firstName", "Quinn", "source", source, "status", "QUALIFIED"));
        createLead(
                as("manager"),
                map("email", source + "-n@x.io", "firstName", "Nora", "source", source, "status", "NEW"));

        Page page = signIn("manager");
        page.navigate(url("/export"));
        page.locator("#field-picker input:checked").evaluateAll("boxes => boxes.forEach(b => b.click())");
        page.getByLabel("Email", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("First name", new Page.GetByLabelOptions().setExact(true))
                .check();
        // The list starts First name, Last name, Email: two steps up put Email first.
        Locator up = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move Email up"));
        up.click();
        up.click();
        page.locator("#ex-source").fill(source);
        page.locator("#ex-status-QUALIFIED").check();
        assertThat(page.locator("#export-count")).containsText("1 lead matches");
        assertThat(page.locator("#preview-table thead")).hasText("EmailFirst name");
        assertThat(page.locator("#preview-table tbody")).containsText("Quinn");
        checkPage(page, "export-preview");

        Download download = page.waitForDownload(
                () -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download"))
                        .click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).endsWith(".csv");
        String file = Files.readString(download.path(), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(file.lines().toList())
                .containsExactly("Email,First name", source + "-q@x.io,Quinn");
    }

    @Test
    void scheduleThisExportSavesTheChoiceAndSettingsListsPausesAndDeletesIt() {
        String name = unique("weekly");
        Page page = signIn("manager");
        page.navigate(url("/export"));
        page.locator("#ex-status-QUALIFIED").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule this export…"))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the schedule"))
                .click();
        assertThat(page.locator("#schedule-error")).containsText("Give the schedule a name");
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Repeat").selectOption("WEEKLY");
        page.getByLabel("Monday").check();
        page.getByLabel("Time zone").fill("Europe/Berlin");
        page.getByLabel("Recipients (emails, separated by commas)").fill("team@example.com");
        checkPage(page, "export-schedule");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the schedule"))
                .click();
        assertThat(page.locator("#schedule-message")).containsText("Schedule “" + name + "” saved");

        page.navigate(url("/settings#schedules"));
        Locator row = page.locator("#schedules-table tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row).containsText("Every Monday at");
        assertThat(row).containsText("team@example.com");
        assertThat(page.locator("#outbox-table")).isVisible();
        checkPage(page, "settings-schedules");

        // Edit opens the export page with the schedule's choice and its dialog; saving changes it in place.
        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit " + name))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG)).isVisible();
        assertThat(page.locator("#ex-status-QUALIFIED")).isChecked();
        assertThat(page.locator("#ex-status-NEW")).not().isChecked();
        assertThat(page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(name);
        assertThat(page.getByLabel("Monday")).isChecked();
        page.getByLabel("Recipients (emails, separated by commas)").fill("ops@example.com");
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save the schedule"))
                .click();
        assertThat(page.locator("#schedule-message")).containsText("Schedule “" + name + "” saved; it next runs");
        page.navigate(url("/settings#schedules"));
        assertThat(row).containsText("ops@example.com");
        assertThat(row).not().containsText("team@example.com");
        assertThat(page.locator("#schedules-table tr", new Page.LocatorOptions().setHasText(name)))
                .hasCount(1);
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause " + name))
                .click();
        assertThat(row).containsText("PAUSED");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete " + name))
                .click();
        assertThat(page.locator("#schedules-message")).containsText("deleted");
        assertThat(row).hasCount(0);
    }
}
