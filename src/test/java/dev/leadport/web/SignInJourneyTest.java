package dev.leadport.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.leadport.support.Api.map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

class SignInJourneyTest extends BrowserTestBase {

    @Test
    void wrongPasswordIsExplainedAndTheRightOneOpensTheLeadsList() {
        Page page = newPage();
        page.navigate(url("/leads"));
        assertThat(page).hasURL(url("/login"));
        checkPage(page, "login");
        page.getByLabel("Username or email").fill("manager");
        page.getByLabel("Password").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong username or password");

        page.getByLabel("Username or email").fill("manager");
        page.getByLabel("Password").fill("manager");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/leads(\\?.*)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Leads")))
                .isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("You have signed out");
    }

    @Test
    void aRepSeesOnlyTheirOwnLeadsAndMarkupInValuesShowsAsText() {
        String source = unique("rep-own");
        user("rep-browser", "REP");
        createLead(as("rep-browser"), map("email", source + "-mine@x.io", "firstName", "<script>", "source", source));
        createLead(as("manager"), map("email", source + "-theirs@x.io", "firstName", "Theirs", "source", source));

        Page page = signIn("rep-browser");
        page.navigate(url("/leads?source=" + source));
        assertThat(page.locator("#results tbody tr")).hasCount(1);
        assertThat(page.locator("#results tbody")).containsText("<script>");
        assertThat(page.locator("#results tbody")).not().containsText("Theirs");
    }
}
