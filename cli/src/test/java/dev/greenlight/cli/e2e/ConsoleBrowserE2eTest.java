package dev.greenlight.cli.e2e;

import static dev.greenlight.cli.e2e.WholeStack.now;
import static dev.greenlight.cli.e2e.WholeStack.postOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.greenlight.cli.stack.StackService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in a real headless Chromium against the whole stack: a release captain signs in,
 * sees a release appear live on the board (SSE), opens it and approves; with the tech lead's
 * approval the human-review criterion turns PASS; the on-call engineer pulls the kill switch and
 * the timeline drops to 0 with the kill marked. Screenshots of the board and the release page go
 * to docs/console/ (the README shows them). Skipped, saying why, only where no Chromium exists.
 */
@ExtendWith(WholeStack.class)
class ConsoleBrowserE2eTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String TARGET = "rl-policy-console";
    private static final String VERSION = "7.0.0";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static WebDriver browser;

    @BeforeAll
    static void chromium() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no headless browser here: install Debian's chromium and chromium-driver (.ci/run does) to run the "
                        + "console's end-to-end test");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReleaseAppearsLiveIsApprovedToPassAndTheKillSwitchTakesItsTrafficToZero() throws Exception {
        String console = WholeStack.stack().serviceUrl(StackService.CONSOLE);
        signIn(console, "demo-dave");
        browser.get(console + "/");
        assertThat(browser.getPageSource()).doesNotContain(TARGET + "</span> <span class=\"version\">" + VERSION);

        Instant now = now();
        postOk(StackService.CHECK_INGEST, "/api/v1/releases", "ci", """
                {"target": "%s", "version": "%s", "type": "MODEL", "revision": "c0ffee1", "author": "alice"}"""
                .formatted(TARGET, VERSION));
        postOk(StackService.CHECK_INGEST, "/api/v1/checks", "ci", """
                {"target": "%s", "version": "%s", "name": "security-scan", "status": "PASS", "revision": "c0ffee1",
                 "startedAt": "%s", "completedAt": "%s"}""".formatted(TARGET, VERSION, now.minusSeconds(600),
                now.minusSeconds(60)));

        // Live: the board the browser already shows gets the row over SSE, no reload.
        String rowId = "r-" + TARGET + "_" + VERSION.replace('.', '_');
        await().atMost(WAIT).untilAsserted(() -> assertThat(browser.findElements(By.id(rowId))).isNotEmpty());
        screenshot("board.png");

        // The live stream may swap the row under the click: open the link the row names.
        String href = await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#" + rowId + " a")).getAttribute("href"),
                        link -> link != null && link.contains(VERSION));
        browser.get(href);
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(criterionStatus("human-review")).isEqualTo("PENDING"));

        approve("release-captain");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElement(By.cssSelector("p.notice.done"))
                .getText()).contains("Approved as release-captain"));

        signIn(console, "demo-erin");
        browser.get(console + "/releases/" + TARGET + "@" + VERSION);
        approve("tech-lead");
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(criterionStatus("human-review")).isEqualTo("PASS");
        });

        // On call pulls the kill switch: the rollout goes to 0 % and the chart marks the kill.
        browser.findElement(By.id("k-reason")).sendKeys("page alert during ramp");
        new Select(browser.findElement(By.id("k-action"))).selectByValue("ACTIVATE");
        browser.findElement(By.id("kill-button")).click();
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("kill-switch")).getText()).contains("ON");
            assertThat(browser.findElement(By.id("traffic")).getText()).isEqualTo("0%");
            assertThat(browser.findElement(By.cssSelector("svg.timeline")).getAttribute("innerHTML"))
                    .contains("marker kill");
        });
        screenshot("release.png");
    }

    private static void signIn(String console, String token) {
        browser.manage().deleteAllCookies();
        browser.get(console + "/sign-in");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().equals(console + "/"));
    }

    private static void approve(String role) {
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(browser.findElements(By.id("so-role")))
                .as("the sign-off form on %s (%s)", browser.getCurrentUrl(), browser.getTitle()).isNotEmpty());
        new Select(browser.findElement(By.id("so-role"))).selectByValue(role);
        new Select(browser.findElement(By.id("so-verdict"))).selectByValue("APPROVE");
        browser.findElement(By.id("so-comment")).sendKeys("automated results reviewed");
        browser.findElement(By.id("approve-button")).click();
    }

    /** The status of {@code criterion} in the live-10 stage, as the page shows it. */
    private static String criterionStatus(String criterion) {
        WebElement row = browser.findElement(By.cssSelector("#stage-live-10 tr[data-criterion='" + criterion + "']"));
        return row.findElement(By.cssSelector(".criterion-status .badge span:last-child")).getText();
    }

    private static void screenshot(String name) throws IOException {
        browser.manage().window().setSize(new Dimension(1400, 1000));
        Path docs = Path.of(System.getProperty("greenlight.home", "..")).resolve("docs/console");
        Files.createDirectories(docs);
        Files.write(docs.resolve(name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
