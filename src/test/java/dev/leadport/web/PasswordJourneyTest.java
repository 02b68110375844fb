package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

class PasswordJourneyTest extends BrowserTestBase {

    @Test
    void aUserChangesTheirPasswordAndSignsInWithTheNewOne() {
        String name = unique("pw-journey");
        user(name, "REP");
        Page page = signIn(name);
        page.navigate(url("/settings"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change your password"))
                .click();

        page.getByLabel("Current password").fill("not-it");
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("brand-new-1");
        page.getByLabel("New password again").fill("brand-new-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(page.locator("#form-errors")).containsText("currentPassword: is not your current password");
        assertThat(page.getByLabel("Current password")).hasAttribute("aria-invalid", "true");
        checkPage(page, "password");

        page.getByLabel("Current password").fill(name);
        page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))
                .fill("brand-new-1");
        page.getByLabel("New password again").fill("brand-new-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(page.locator("#settings-message"))
                .hasText("Your password was changed. Your other sessions were signed out.");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        page.getByLabel("Username or email").fill(name);
        page.getByLabel("Password").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login.*"));
        page.getByLabel("Username or email").fill(name);
        page.getByLabel("Password").fill("brand-new-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Leads")))
                .isVisible();
    }
}
