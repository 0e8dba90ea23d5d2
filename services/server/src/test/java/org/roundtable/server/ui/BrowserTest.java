package org.roundtable.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.roundtable.server.testsupport.ApplicationTest;

/**
 * The whole server (shared with the other application tests) driven through Debian's headless Chromium
 * and its ChromeDriver. Without a Chromium on the machine these tests are skipped, unless
 * {@code ROUNDTABLE_BROWSER_TESTS=required} (as the CI script sets after installing it): then they fail.
 *
 * <p>Screenshots go to {@code target/screenshots}; with {@code -Dscreenshots.update=true} they also
 * replace the ones kept under {@code docs/screenshots}.
 */
public abstract class BrowserTest extends ApplicationTest {

    protected static final Dimension PHONE = new Dimension(412, 915);
    protected static final Dimension DESKTOP = new Dimension(1280, 1000);
    private static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s<]+\\?\\?");

    protected WebDriver browser;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "required".equals(System.getenv("ROUNDTABLE_BROWSER_TESTS"))) {
            throw new IllegalStateException("Chromium and ChromeDriver are required at " + CHROMIUM + " and " + CHROMEDRIVER);
        }
        Assumptions.assumeTrue(present, "no Chromium on this machine (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("roundtable-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no traffic off this machine: Chromium's own background services stay off
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
                "--lang=en", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(DESKTOP);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Opens a page of the interface, signing in through the issuer's form first if asked to. */
    protected void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    /** Signs in as one of the demo users through the issuer's sign-in form and lands on {@code path}. */
    protected void signIn(String user, String path) {
        open(path);
        waitFor(By.id("username"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> driver.getCurrentUrl().contains("/app") && !driver.findElements(By.id("main")).isEmpty());
    }

    protected WebElement waitFor(By locator) {
        return new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    protected String text(By locator) {
        return waitFor(locator).getText();
    }

    protected String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /** Fails if any label on the page came from a message key missing in the page's language. */
    protected void assertNoMissingKeys() {
        String source = browser.getPageSource();
        Matcher missing = MISSING_KEY.matcher(source);
        List<String> found = missing.results().map(java.util.regex.MatchResult::group).distinct().toList();
        assertThat(found).as("message keys missing on " + browser.getCurrentUrl()).isEmpty();
    }

    /** Switches the interface's language on the current page. */
    protected void language(String tag) {
        String url = browser.getCurrentUrl();
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        browser.get(base + "?lang=" + tag);
    }

    protected void screenshot(String name) {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if (Boolean.getBoolean("screenshots.update")) {
                Path docs = Path.of("..", "..", "docs", "screenshots", name + ".png");
                Files.createDirectories(docs.getParent());
                Files.copy(target, docs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
