package dev.leadport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.leadport.support.ApiTestBase;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * Journeys in Debian's Chromium driven by Playwright: one browser per test class, a fresh signed-in context per
 * test. Every page a journey visits gets an axe scan (WCAG 2.1 AA) and screenshots at phone and desktop width.
 */
@Tag("browser")
abstract class BrowserTestBase extends ApiTestBase {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get(System.getProperty("browser.executable", "/usr/bin/chromium")))
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A new browser session, not signed in, at desktop size. */
    Page newPage() {
        closeContext();
        context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1280, 900).setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    /** A new browser session signed in through the login form (password = username). */
    Page signIn(String username) {
        Page page = newPage();
        page.navigate(url("/login"));
        page.getByLabel("Username or email").fill(username);
        page.getByLabel("Password").fill(username);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        page.waitForURL(u -> !u.contains("/login"));
        return page;
    }

    /** Fails on any WCAG 2.1 A/AA violation on the page as it is now, naming each rule and element. */
    static void assertAccessible(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_TAGS).analyze();
        List<Rule> violations = results.getViolations();
        assertThat(violations)
                .as(() -> "axe violations on " + page.url() + ":\n"
                        + violations.stream()
                                .map(v -> v.getId() + ": " + v.getHelp() + " -> "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()) + " " + n.getFailureSummary())
                                                .collect(Collectors.joining("; ")))
                                .collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** Scans the page and saves it at desktop (1280 px) and phone (375 px) width, scanning the phone layout too. */
    static void checkPage(Page page, String name) {
        assertAccessible(page);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + "-1280.png"))
                .setFullPage(true));
        page.setViewportSize(375, 800);
        assertThat(tooWide(page))
                .as("elements of %s wider than a 375 px screen", name)
                .isEmpty();
        assertAccessible(page);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + "-375.png"))
                .setFullPage(true));
        page.setViewportSize(1280, 900);
    }

    /**
     * The elements that stick out to the right when the document scrolls sideways; tables may scroll inside their
     * own wrapper, the page may not.
     */
    @SuppressWarnings("unchecked")
    static List<String> tooWide(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  if (document.documentElement.scrollWidth <= window.innerWidth + 1) return [];
                  return [...document.querySelectorAll("body *")]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length)
                    .filter(e => !e.closest(".table-wrap") || e.classList.contains("table-wrap"))
                    .slice(0, 8)
                    .map(e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + [...e.classList].join(".")
                      + " right=" + Math.round(e.getBoundingClientRect().right));
                }""");
    }
}
