package org.liandong.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.liandong.TestEnvironment;

/**
 * A real headless Chromium (Debian's package, no download) driven by Playwright, with the two screen
 * sizes we care about: a phone (390×844) and a desktop (1280×800).
 */
final class Browser implements AutoCloseable {

    enum Screen {
        PHONE(390, 844), DESKTOP(1280, 800);

        final int width;
        final int height;

        Screen(int width, int height) {
            this.width = width;
            this.height = height;
        }
    }

    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get(TestEnvironment.CHROMIUM))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A fresh page (own cookies) at the given screen size, in Chinese unless {@code english}. */
    Page open(Screen screen, boolean english) {
        var context = chromium.newContext(new NewContextOptions()
                .setViewportSize(screen.width, screen.height)
                .setLocale(english ? "en-GB" : "zh-CN")
                .setDeviceScaleFactor(1));
        context.setDefaultTimeout(15_000);
        return context.newPage();
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // A full-page screenshot resizes the page for a moment and leaves it scrolled elsewhere than Chromium's own
        // record of where it was: the next press (a button's mousedown) jumps the page back, so the button moves
        // away before the mouseup and the click lands on whatever is there instead. Putting the scroll position back
        // leaves the page as the person had it.
        var scroll = page.evaluate("() => [window.scrollX, window.scrollY]");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
        page.evaluate("([x, y]) => window.scrollTo(x, y)", scroll);
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
