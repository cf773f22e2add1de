package io.chargecheck.report;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Writes {@code test-script.html}, the platform's test script filled in by the run, into the output
 * directory. Register as {@code io.chargecheck.report.TestScriptReportPlugin:reports}.
 */
public final class TestScriptReportPlugin extends PlanReportPlugin {

    /** The file this plugin writes into its output directory. */
    public static final String REPORT_FILE = Plan.SCRIPT.reportFile();

    public TestScriptReportPlugin() {
        this("reports");
    }

    public TestScriptReportPlugin(String outputDirectory) {
        this(Path.of(outputDirectory), CaseCatalog.defaultFeatureDirectory(), Clock.systemDefaultZone());
    }

    TestScriptReportPlugin(Path outputDirectory, Path featureDirectory, Clock clock) {
        super(Plan.SCRIPT, outputDirectory, featureDirectory, clock);
    }
}
