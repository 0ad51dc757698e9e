package dev.surmbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.surmbench.report.baseline.BaselineCsv;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Opens a generated report in headless Chromium (Debian {@code chromium} + {@code chromium-driver})
 * and checks that it renders without console errors, that the main table has the expected rows and
 * that both chart canvases are drawn. Screenshots go to {@code target/report-browser/}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} (or {@code CHROME_BIN} /
 * {@code CHROMEDRIVER}; when set, these are used without fallback). When they are missing the test
 * fails under {@code CI=true} and is skipped otherwise. Selenium Manager is never used: the driver and browser paths are given explicitly, so
 * nothing is downloaded.
 */
@Tag("browser")
class ReportBrowserTest {
    static final Path ARTIFACTS = Path.of("target", "report-browser");

    @TempDir
    static Path tmp;
    static ChromeDriver driver;
    /** Held strongly so that its level survives garbage collection. */
    static final java.util.logging.Logger DEVTOOLS_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    @BeforeAll
    static void startChromium() throws Exception {
        String browser = locate("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        String chromedriver = locate("CHROMEDRIVER", "/usr/bin/chromedriver");
        if (browser == null || chromedriver == null) {
            String why = "headless Chromium is needed for the report's browser test but "
                    + (browser == null ? "chromium" : "chromedriver") + " was not found; install the Debian packages: "
                    + "apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: this test must run)");
            }
            System.err.println("ReportBrowserTest SKIPPED: " + why + " (set CI=true to make this a failure)");
            Assumptions.abort(why + " — skipped outside CI");
        }
        System.setProperty("webdriver.chrome.driver", chromedriver);
        System.setProperty("SE_OFFLINE", "true");
        // no selenium-devtools artifact is on the class path on purpose; only executeCdpCommand is used
        DEVTOOLS_LOG.setLevel(Level.SEVERE);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        Path profile = Files.createDirectories(tmp.resolve("profile"));
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The executable named by {@code env} (no fallback when it is set), else the first default that exists. */
    private static String locate(String env, String... defaults) {
        String fromEnv = System.getenv(env);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Files.isExecutable(Path.of(fromEnv)) ? fromEnv : null;
        }
        for (String d : defaults) {
            if (Files.isExecutable(Path.of(d))) {
                return d;
            }
        }
        return null;
    }

    /** A GLUE + image suite: every section and both claims have data. */
    static Path fabricatedSuite(Path root) throws Exception {
        RunFixtures f = RunFixtures.glue("browser-suite");
        double[] noise = {0.0, 0.006, -0.004};
        for (int s = 1; s <= 3; s++) {
            f.ok("cifar10", "lora", s, 0.80 + noise[s - 1], 73_728, 12);
            f.ok("cifar10", "circulant", s, 0.86 + noise[s - 1] * 0.7, 18_432, 11);
            f.ok("cifar10", "kronecker", s, 0.83 + noise[s - 1] * 1.2, 36_864, 10);
        }
        f.add("cifar10", "ldr", "ldr", 1, dev.surmbench.results.RunStatus.DIVERGED, "loss NaN at step 12", 0.1, 73_728, 9);
        Path dir = f.write(root);
        f.writeEpochs(dir);
        return dir;
    }

    private static void waitForCharts(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!"ready".equals(driver.executeScript("return document.documentElement.getAttribute('data-charts')"))) {
            if (System.nanoTime() > end) {
                fail("charts did not finish drawing within " + limit + "; console: " + driver.manage().logs()
                        .get(LogType.BROWSER).getAll());
            }
            Thread.sleep(100);
        }
    }

    private List<String> severeConsoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    @Test
    void consoleErrorsWouldBeCaught() {
        driver.get("data:text/html,<script>console.error('deliberate test error')</script>");
        List<String> errors = severeConsoleMessages();
        assertTrue(errors.stream().anyMatch(m -> m.contains("deliberate test error")),
                "the browser log must capture console.error, got " + errors);
    }

    @Test
    void reportRendersTablesAndChartsWithoutConsoleErrors() throws Exception {
        Path dir = fabricatedSuite(tmp);
        Report.Result result = Report.generate(dir, BaselineCsv.readDirectory(Path.of("baselines")), null);
        Files.createDirectories(ARTIFACTS);
        Files.copy(result.html(), ARTIFACTS.resolve("index.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        severeConsoleMessages(); // drain anything earlier
        driver.get(result.html().toUri().toString());
        waitForCharts(Duration.ofSeconds(30));

        assertEquals(List.of(), severeConsoleMessages(), "console errors");
        assertEquals("surm-bench report: browser-suite", driver.getTitle());

        List<String> rows = driver.findElements(By.cssSelector("#main-table tbody.ours tr th")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("lora", "adapter", "circulant", "kronecker", "ldr", "circulant-adapter"), rows);
        List<WebElement> header = driver.findElements(By.cssSelector("#main-table thead th"));
        assertEquals(List.of("Method", "Source", "cifar10", "cola", "sst2", "GLUE average", "Trainable params"),
                header.stream().map(h -> h.getText().split("\n")[0]).toList());
        assertTrue(driver.findElements(By.cssSelector("#main-table tbody.baselines tr[data-source='peer']")).size() >= 16,
                "peer baseline rows are shown, marked by source");
        assertEquals(1, driver.findElements(By.cssSelector("#failures li")).size(), "the diverged run is listed");
        assertEquals("supported", driver.findElement(By.cssSelector("#claim-1 h3 .verdict")).getText());

        assertEquals(3, driver.findElements(By.cssSelector("#chart-curves canvas")).size(), "one learning-curve chart per task");
        for (String chart : List.of("chart-quality", "chart-throughput", "chart-curves")) {
            Map<?, ?> px = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript(
                    "var c = document.querySelector('#' + arguments[0] + ' canvas');"
                            + "if (!c) { return {canvas: false}; }"
                            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + "var ink = 0, blue = 0;"
                            + "for (var i = 0; i < d.length; i += 4) {"
                            + "  if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) { ink++; }"
                            + "  if (d[i + 2] > 140 && d[i] < 130 && d[i + 1] < 160) { blue++; }"
                            + "}"
                            + "return {canvas: true, width: c.width, height: c.height, ink: ink, blue: blue};", chart);
            assertEquals(Boolean.TRUE, px.get("canvas"), chart + " has a canvas");
            assertTrue(((Number) px.get("ink")).longValue() > 2000, chart + " is drawn: " + px);
            assertTrue(((Number) px.get("blue")).longValue() > 50, chart + " shows its points/bars: " + px);
        }

        Files.write(ARTIFACTS.resolve("figures.png"),
                driver.findElement(By.id("figures")).getScreenshotAs(OutputType.BYTES));
        // the whole page, beyond the viewport, through the DevTools protocol of chromedriver
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", 1400, "height", height.intValue(), "scale", 1)));
        Files.write(ARTIFACTS.resolve("report.png"), java.util.Base64.getDecoder().decode((String) shot.get("data")));
        assertTrue(Files.size(ARTIFACTS.resolve("report.png")) > 10_000, "screenshot written");
    }

    /** The top of the page at 1280×800: the verdicts and our rows of the main table are on the first screen. */
    @Test
    void theAnswerIsOnTheFirstScreen() throws Exception {
        Path dir = fabricatedSuite(tmp.resolve("first-screen"));
        Report.Result result = Report.generate(dir, BaselineCsv.readDirectory(Path.of("baselines")), null);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        try {
            driver.get(result.html().toUri().toString());
            waitForCharts(Duration.ofSeconds(30));
            JavascriptExecutor js = driver;
            assertEquals(800L, ((Number) js.executeScript("return window.innerHeight")).longValue(), "viewport height");
            Files.createDirectories(ARTIFACTS);
            Files.write(ARTIFACTS.resolve("top.png"), driver.getScreenshotAs(OutputType.BYTES));

            double verdictsBottom = box("#verdicts", "bottom");
            double oursBottom = box("#main-table tbody.ours", "bottom");
            assertTrue(box("#summary", "top") < 200, "the summary starts the page");
            assertEquals(2, driver.findElements(By.cssSelector("#verdicts li")).size(), "one line per claim");
            for (WebElement li : driver.findElements(By.cssSelector("#verdicts li"))) {
                assertTrue(li.getSize().getHeight() < 30, "a verdict is one line: " + li.getText());
            }
            assertTrue(verdictsBottom <= 800, "the verdicts are on the first screen: bottom at " + verdictsBottom);
            assertTrue(oursBottom <= 800, "our rows of the main table are on the first screen: bottom at " + oursBottom);
            double figures = box("#figures", "top");
            double runs = box("#runs", "top");
            double provenance = box("#provenance", "top");
            assertTrue(box("#main-table", "bottom") < figures && figures < box("#claims", "top") && runs < provenance,
                    "summary, figures, details, runs, provenance last: " + figures + ", " + runs + ", " + provenance);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /** With a {@code <suite>-tune} folder beside the suite's, the sensitivity and budget charts draw one chart per task. */
    @Test
    void tuningChartsRenderWithoutConsoleErrors() throws Exception {
        Path root = tmp.resolve("tuned");
        Path dir = TuningReportTest.finalRuns(root);
        TuningReportTest.trials(root);
        Report.Result result = Report.generate(dir, List.of(), null);
        severeConsoleMessages();
        driver.get(result.html().toUri().toString());
        waitForCharts(Duration.ofSeconds(30));
        assertEquals(List.of(), severeConsoleMessages(), "console errors");
        for (String chart : List.of("chart-sensitivity", "chart-budget")) {
            assertEquals(1, driver.findElements(By.cssSelector("#" + chart + " canvas")).size(), chart + ": one task");
            Number ink = (Number) driver.executeScript("var c = document.querySelector('#' + arguments[0] + ' canvas');"
                    + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var ink = 0;"
                    + "for (var i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235"
                    + " || d[i + 2] < 235)) { ink++; } } return ink;", chart);
            assertTrue(ink.longValue() > 2000, chart + " is drawn: " + ink);
        }
        Files.createDirectories(ARTIFACTS);
        Files.write(ARTIFACTS.resolve("tuning.png"), driver.findElement(By.id("tuning")).getScreenshotAs(OutputType.BYTES));
    }

    /** A side of the bounding box of the element {@code selector} selects, in CSS pixels from the top of the page. */
    private static double box(String selector, String side) {
        Object v = driver.executeScript("var r = document.querySelector(arguments[0]).getBoundingClientRect();"
                + "return r[arguments[1]] + window.scrollY;", selector, side);
        return ((Number) v).doubleValue();
    }
}
