package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.api.io.TempDir;

class ConsoleProgressPluginTest {

    private static final Instant T = Instant.parse("2026-12-01T12:00:00Z");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @TempDir
    Path reports;

    @Test
    void aScenarioIsOneLineWithItsStationAndAFailureItsMessageNotAStackTrace() throws IOException {
        Files.writeString(reports.resolve(Plan.OCTT.reportFile()), "<html></html>");
        ConsoleProgressPlugin plugin = new ConsoleProgressPlugin(new PrintStream(out, true, StandardCharsets.UTF_8),
                reports.toString());
        RunScript run = new RunScript(plugin, T).runStarted();
        run.scenario(6, "A remote start").attach(ReportAttachments.STATION, "SIM-06-1\u001b[2J").passes();
        run.scenario(7, "A remote stop").fails(new AssertionError("expected StopTransaction for transaction 3 within 2 s"));
        run.advance(1000).runFinished();

        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("✔ case 06 A remote start  [SIM-06-1\\u001b[2J]")
                .contains("✘ case 07 A remote stop", "    failed: expected StopTransaction for transaction 3 within 2 s")
                .doesNotContain("\u001b").doesNotContain("at io.chargecheck");
        String summary = console.substring(console.indexOf("ChargeCheck: "));
        assertThat(summary).startsWith("ChargeCheck: 2 scenarios: 1 passed, 1 failed, 0 not tested in 1.0 s")
                .contains("Report: " + reports.resolve("octt-1.6.html").toUri()).doesNotContain("test-script.html");
    }

    @Test
    void aCaseNotForThisChargerIsNotApplicableNotUntested() {
        ConsoleProgressPlugin plugin = new ConsoleProgressPlugin(new PrintStream(out, true, StandardCharsets.UTF_8),
                reports.toString());
        RunScript run = new RunScript(plugin, T).runStarted();
        run.scenario(1, "A boot").passes();
        run.scenario(2, "For profile 3").step(Status.SKIPPED,
                new TestAbortedException("not applicable: the case is for a station on security profile 3")).finish(Status.SKIPPED);
        run.scenario(3, "A fixed cable").step(Status.SKIPPED,
                new TestAbortedException("not tested: set chargecheck.octt.fixedCable")).finish(Status.SKIPPED);
        run.advance(1000).runFinished();

        String console = out.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("    not applicable: the case is for a station on security profile 3")
                .contains("    not tested: set chargecheck.octt.fixedCable").doesNotContain("skipped:");
        String summary = console.substring(console.indexOf("ChargeCheck: "));
        assertThat(summary).startsWith("ChargeCheck: 3 scenarios: 1 passed, 0 failed, 1 not applicable, 1 not tested in 1.0 s")
                .doesNotContain("not applicable: the case"); // a skip is said once, where it happened
    }

    @Test
    void liveEveryStepIsPrintedAsItEnds() {
        ConsoleProgressPlugin plugin = new ConsoleProgressPlugin(new PrintStream(out, true, StandardCharsets.UTF_8),
                "steps:" + reports);
        RunScript run = new RunScript(plugin, T).runStarted();
        run.scenario(10, "A fault").step(Status.PASSED, null, "a hardware fault occurs on the connector").finish(Status.PASSED);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("✔ a hardware fault occurs on the connector");
    }
}
