package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.core.cli.Main;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

/** Real Cucumber loads the plugin from its registration string and feeds it real events. */
@Isolated("it sets system properties or captures the console that every other test writes to")
class CucumberRunTest {

    @TempDir
    Path reports;

    @Test
    void aCucumberRunWritesTheTestScriptWhereItsRegistrationSays() throws IOException, URISyntaxException {
        Path features = Path.of(Objects.requireNonNull(getClass().getResource("cucumber-run")).toURI());
        System.setProperty(CaseCatalog.FEATURES_PROPERTY, features.toString());
        byte exitStatus;
        try {
            exitStatus = Main.run(new String[] {
                    "--plugin", "io.chargecheck.report.TestScriptReportPlugin:" + reports,
                    // the failure is on purpose: keep "Failed scenarios" out of the build log
                    "--no-summary",
                    "--glue", "io.chargecheck.report.cucumberrun",
                    "--monochrome",
                    features.toString()}, Thread.currentThread().getContextClassLoader());
        } finally {
            System.clearProperty(CaseCatalog.FEATURES_PROPERTY);
        }

        assertThat(exitStatus).as("one scenario fails on purpose").isEqualTo((byte) 1);
        ReportPage page = ReportPage.read(reports.resolve(TestScriptReportPlugin.REPORT_FILE));
        assertThat(page.title()).isEqualTo("TestScript Charge Station connected with OCPP 1.6 to Fixture Platform");
        assertThat(page.rowNumbers()).hasSize(16);
        assertThat(page.result(1)).isEqualTo("ok, Configuration (36)");
        assertThat(page.result(2)).isEqualTo("failed: expected Accepted but got Rejected");
        assertThat(page.result(3)).isEqualTo("not tested: not selected in this run");
        assertThat(page.function(2)).isEqualTo("Heartbeat (automatic)");
    }
}
