package org.liandong.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.liandong.Fixtures;
import org.liandong.NeedsBrowser;
import org.liandong.volunteer.VolunteerFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every browser journey shares: the application on a random port (one Spring context for all of
 * them), one headless Chromium per class, and signing in through the login form.
 */
@NeedsBrowser
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Fixtures.class, VolunteerFixtures.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserJourney {

    @LocalServerPort int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser();
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(Page page, String username) {
        signIn(page, username, Fixtures.PASSWORD);
    }

    /** Signs in and waits until the login page has been left (for the home page or where the person was going). */
    void signIn(Page page, String username, String password) {
        if (!page.url().contains("/login")) {
            page.navigate(url("/login"));
        }
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("form.stack button[type=submit]").click();
        page.waitForURL(u -> !u.contains("/login"));
    }
}
