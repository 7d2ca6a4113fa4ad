package org.parley.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.parley.ParleyTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the UI tests: the whole application (see {@link ParleyTest}) driven by the distribution's headless
 * Chromium through its chromedriver, never a downloaded one. One browser per test class, quit after the class;
 * cookies are cleared before each test so that, say, a language chosen in one test does not leak into the next.
 *
 * <p>The browser must be installed ({@code apt-get install -y chromium chromium-driver}); without it the tests
 * fail, they do not skip. Paths can be changed with {@code -Dparley.chromium=} and {@code -Dparley.chromedriver=}.
 *
 * <p>Wait for htmx swaps with {@link #waitUntil} or {@link #waitForSwap}, never with sleeps.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    public static final String CHROMIUM = System.getProperty("parley.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("parley.chromedriver", "/usr/bin/chromedriver");
    /** A laptop screen. */
    public static final Dimension LAPTOP = new Dimension(1280, 800);
    /** A tablet held upright. */
    public static final Dimension TABLET = new Dimension(768, 1024);
    protected static final Duration TIMEOUT = Duration.ofSeconds(15);

    @LocalServerPort
    protected int port;

    protected WebDriver driver;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        for (String executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Paths.get(executable))) {
                fail(executable + " is missing: the browser tests need Chromium and its driver from the distribution. "
                        + "Install them with: apt-get update && apt-get install -y chromium chromium-driver");
            }
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        profile = Files.createTempDirectory("parley-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=en-US",
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--user-data-dir=" + profile);
        // the browser's console, for tests that a page logs no errors (consoleErrors)
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    void quitBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshSession() {
        driver.manage().window().setSize(LAPTOP);
        driver.get(url("/css/parley.css"));
        driver.manage().deleteAllCookies();
        js("window.localStorage.clear(); window.sessionStorage.clear()");
        logIn(defaultUser());
    }

    /** The demo user each test starts logged in as. */
    protected String defaultUser() {
        return "registrar@party-a";
    }

    /** Logs in through the login form (a fresh session: cookies are cleared first). */
    protected void logIn(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(WebLogin.DEMO_PASSWORD);
        find("#login-submit").click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        waitForPageLoad();
    }

    /** The absolute URL of a path on the server under test. */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Loads a page and waits until it is fully loaded (scripts with {@code defer} included). */
    protected void open(String path) {
        driver.get(url(path));
        waitForPageLoad();
    }

    /**
     * Clicks something that loads a new page (a link, a form's submit button) and waits until the new page has
     * replaced the old one and is fully loaded. Waiting for {@code readyState} alone can see the old page, which
     * is still complete until the browser starts navigating; so the old page's window is marked first, and the
     * new page is the one without the mark. (While the browser navigates, scripts may fail to run: that counts as
     * not yet.)
     */
    protected void clickToLoad(WebElement element) {
        js("window.parleyOldPage = true");
        element.click();
        waiting().ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(
                js("return window.parleyOldPage === undefined && document.readyState === 'complete'")));
    }

    protected void waitForPageLoad() {
        waitUntil(d -> "complete".equals(js("return document.readyState")));
    }

    protected WebDriverWait waiting() {
        return waiting(TIMEOUT);
    }

    /** A wait of this long, to which a stale element (as after an htmx swap) means "not yet". */
    protected WebDriverWait waiting(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until the condition holds (stale elements, as after an htmx swap, count as not yet). */
    protected <T> T waitUntil(Function<WebDriver, T> condition) {
        return waiting().until(condition);
    }

    /**
     * Does something that makes htmx replace the element with this id, and waits until the old element is gone
     * and the new one is there, with htmx done (no request in flight, nothing settling).
     */
    protected WebElement waitForSwap(String id, Runnable action) {
        WebElement old = driver.findElement(By.id(id));
        action.run();
        waiting().until(ExpectedConditions.stalenessOf(old));
        return waitUntil(d -> {
            List<WebElement> busy = d.findElements(By.cssSelector(".htmx-request, .htmx-settling, .htmx-swapping"));
            List<WebElement> found = d.findElements(By.id(id));
            return busy.isEmpty() && !found.isEmpty() ? found.get(0) : null;
        });
    }

    protected Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    protected WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    protected List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * What the page has logged as errors on the browser's console since this was last called (failed requests
     * included): Chromium's own messages, each with its source.
     */
    protected List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** The language the page says it is in ({@code <html lang>}). */
    protected String pageLanguage() {
        return find("html").getAttribute("lang");
    }

    /** Resizes the browser window to a viewport of this size. */
    protected void viewport(Dimension size) {
        driver.manage().window().setSize(size);
        Number width = (Number) js("return window.innerWidth");
        Number height = (Number) js("return window.innerHeight");
        int extraWidth = size.width - width.intValue();
        int extraHeight = size.height - height.intValue();
        if (extraWidth != 0 || extraHeight != 0) {
            driver.manage().window().setSize(new Dimension(size.width + extraWidth, size.height + extraHeight));
        }
    }

    /** True if the page is wider than the window (a horizontal scroll bar on the page itself). */
    protected boolean overflowsHorizontally() {
        return (Boolean) js("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    /**
     * Saves a screenshot of the window under {@code target/screenshots} (or {@code -Dparley.screenshots=DIR}) and
     * returns its path.
     */
    protected Path screenshot(String name) throws IOException {
        Path dir = Paths.get(System.getProperty("parley.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = dir.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
