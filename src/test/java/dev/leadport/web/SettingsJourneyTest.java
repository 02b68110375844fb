package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

class SettingsJourneyTest extends BrowserTestBase {

    @Test
    void anAdminAddsEditsAndDeletesACustomFieldAndBadInputIsExplained() {
        String key = unique("score").replace("-", "_");
        Page page = signIn("admin");
        page.navigate(url("/settings"));
        Locator form = page.locator("#field-form");

        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field"))
                .click();
        assertThat(page.locator("#field-error")).containsText("Give the field a label and a key");

        page.getByLabel("Label", new Page.GetByLabelOptions().setExact(true)).fill("Tier " + key);
        page.getByLabel("Key", new Page.GetByLabelOptions().setExact(true)).fill(key);
        page.getByLabel("Type").selectOption("CHOICE");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field"))
                .click();
        assertThat(page.locator("#field-error")).containsText("needs at least one allowed value");
        page.getByLabel("Allowed values (one a line)").fill("Gold\nSilver");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add field"))
                .click();

        assertThat(page.locator("#settings-message")).hasText("The custom field was added.");
        Locator row = page.locator("#fields-table tr", new Page.LocatorOptions().setHasText(key));
        assertThat(row).containsText("Gold, Silver");
        checkPage(page, "settings");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit Tier " + key))
                .click();
        assertThat(page.getByLabel("Key", new Page.GetByLabelOptions().setExact(true)))
                .hasValue(key);
        page.getByLabel("Allowed values (one a line)").fill("Gold\nSilver\nBronze");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save field"))
                .click();
        assertThat(page.locator("#settings-message")).hasText("The custom field was saved.");
        assertThat(row).containsText("Gold, Silver, Bronze");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Tier " + key))
                .click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("Tier " + key);
        page.getByRole(AriaRole.DIALOG)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete"))
                .click();
        assertThat(page.locator("#settings-message")).hasText("The custom field was deleted.");
        assertThat(row).hasCount(0);
    }

    @Test
    void aRepReadsCustomFieldsButCannotChangeThemAndSavesTheirNotificationPreference() {
        user("rep-settings", "REP");
        Page page = signIn("rep-settings");
        page.navigate(url("/settings"));
        assertThat(page.locator("#field-form")).hasCount(0);
        assertThat(page.locator("#users-table")).hasCount(0);
        Locator notify = page.getByLabel("Email me when my imports, large exports and bulk changes finish");
        boolean before = notify.isChecked();
        notify.setChecked(!before);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preferences"))
                .click();
        assertThat(page.locator("#preferences-message")).containsText("Saved");
        page.reload();
        assertThat(notify)
                .isChecked(new com.microsoft.playwright.assertions.LocatorAssertions.IsCheckedOptions()
                        .setChecked(!before));
        checkPage(page, "settings-rep");
    }

    @Test
    void anAdminAddsAUserAndChangesTheirRole() {
        String name = unique("newbie");
        Page page = signIn("admin");
        page.navigate(url("/settings"));
        page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Initial password").fill("secret1");
        page.locator("#user-form")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add user"))
                .click();
        assertThat(page.locator("#settings-message")).hasText("The user was added.");
        page.getByLabel("Role of " + name).selectOption("MANAGER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save " + name))
                .click();
        assertThat(page.locator("#users-message")).containsText("Saved " + name + ": MANAGER");
        org.assertj.core.api.Assertions.assertThat(as("admin")
                        .get("/api/users/" + userId(name))
                        .json()
                        .get("role")
                        .asString())
                .isEqualTo("MANAGER");
    }
}
