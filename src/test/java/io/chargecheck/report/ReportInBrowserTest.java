package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * Opens the sample run's report in a real headless Chromium, as the manufacturer will, and keeps
 * a screenshot and the printed PDF in target/report-e2e for a person to look at.
 */
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path OUTPUT = Path.of("target", "report-e2e");
    /**
     * Selenium warns that it has no CDP binding for this Chromium; the test needs none, only
     * chromedriver's pass-through of one command. Held here so the level setting is not collected.
     */
    private static final List<Logger> QUIETED = Stream.of("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver").map(Logger::getLogger).toList();

    static {
        QUIETED.forEach(logger -> logger.setLevel(Level.SEVERE));
    }

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium/chromedriver not installed: apt-get install chromium chromium-driver");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1000");
        browser = new ChromeDriver(driver, options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportShowsTheScriptDrawsACaseChartAndPrints() throws IOException {
        Path report = SampleRun.writeReport(OUTPUT).toAbsolutePath();

        browser.get(report.toUri().toString());

        assertThat(browser.getTitle()).isEqualTo("TestScript Charge Station connected with OCPP 1.6 to GreenFlux Platform");
        assertThat(browser.findElements(By.cssSelector("#script tbody tr"))).hasSize(16);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.findElement(By.cssSelector("[data-field=chargePointVendor]")).getText())
                .isEqualTo(SampleRun.HOSTILE_VENDOR);
        assertThat(browser.executeScript("return document.images.length")).isEqualTo(0L);

        WebElement startTransaction = browser.findElement(By.id("case-6"));
        assertThat(rendered(startTransaction.findElement(By.cssSelector(".msg .arrow")))).isFalse();
        browser.findElement(By.cssSelector("#row-6 td.function a")).click();
        assertThat(startTransaction.getDomProperty("open")).isEqualTo("true");
        assertChartIsDrawn(startTransaction);

        saveScreenshotOfWholePage();
        assertPrintShowsClosedSections();
        savePdf();
    }

    /** Printing shows every section, also those nobody opened, without help from the page's script. */
    private void assertPrintShowsClosedSections() {
        WebElement firmware = browser.findElement(By.id("case-12"));
        assertThat(firmware.getDomProperty("open")).isEqualTo("false");
        List<WebElement> arrows = firmware.findElements(By.cssSelector(".msg .arrow"));
        assertThat(arrows).isNotEmpty().noneMatch(this::rendered);

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(arrows).allMatch(this::rendered);
        } finally {
            browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * Whether the browser renders the element. Selenium's isDisplayed cannot say: it calls everything
     * inside a closed details element hidden, whatever the style sheet does.
     */
    private boolean rendered(WebElement element) {
        return Boolean.TRUE.equals(browser.executeScript("return arguments[0].checkVisibility()", element));
    }

    /** Arrows span the two lanes, pointing right to the Charge Point or left to the Central System. */
    private void assertChartIsDrawn(WebElement section) {
        Rectangle centralSystem = section.findElement(By.cssSelector(".lane.cs")).getRect();
        Rectangle chargePoint = section.findElement(By.cssSelector(".lane.cp")).getRect();
        assertThat(chargePoint.getX()).isGreaterThan(centralSystem.getX() + centralSystem.getWidth());

        List<WebElement> arrows = section.findElements(By.cssSelector(".msg .arrow"));
        assertThat(arrows).hasSizeGreaterThanOrEqualTo(8).allSatisfy(arrow -> {
            Rectangle drawn = arrow.getRect();
            assertThat(drawn.getWidth()).isGreaterThan(chargePoint.getX() - centralSystem.getX() - centralSystem.getWidth());
            assertThat(drawn.getHeight()).isPositive();
        });
        String headToChargePoint = (String) browser.executeScript(
                "return getComputedStyle(arguments[0], '::after').borderLeftWidth",
                section.findElement(By.cssSelector(".msg.to-cp .arrow")));
        String headToCentralSystem = (String) browser.executeScript(
                "return getComputedStyle(arguments[0], '::after').borderRightWidth",
                section.findElement(By.cssSelector(".msg.to-cs .arrow")));
        assertThat(List.of(headToChargePoint, headToCentralSystem)).doesNotContain("0px");
    }

    private void saveScreenshotOfWholePage() throws IOException {
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, Math.min(height.intValue() + 40, 12_000)));
        browser.executeScript("window.scrollTo(0, 0)");
        Path png = OUTPUT.resolve("report.png");
        Files.write(png, browser.getScreenshotAs(OutputType.BYTES));
        assertThat(png).isNotEmptyFile();
    }

    private void savePdf() throws IOException {
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        a4.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.print(a4).getContent());
        Files.write(OUTPUT.resolve("report.pdf"), pdf);
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
