package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

@Isolated("it sets system properties or captures the console that every other test writes to")
class TestScriptReportPluginTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    @TempDir
    Path reports;

    private TestScriptReportPlugin plugin;
    private RunScript run;
    private TraceLines trace;

    @BeforeEach
    void startRun() {
        plugin = new TestScriptReportPlugin(reports, SampleRun.featureDirectory(), Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC));
        run = new RunScript(plugin, T).runStarted();
        trace = new TraceLines();
    }

    @Test
    void aRunOfOneCaseStillGivesTheWholeScriptInNumberOrder() throws IOException {
        // numbered by its file name only, as a feature without the tag would be
        run.scenario("The full list", URI.create("file:/suite/features/04-get-configuration.feature"), List.of()).passes();

        ReportPage page = finish();

        assertThat(page.title()).isEqualTo("TestScript Charge Station connected with OCPP 1.6 to GreenFlux Platform");
        assertThat(page.rowNumbers()).containsExactlyElementsOf(IntStream.rangeClosed(1, 16).boxed().toList());
        assertThat(page.result(4)).isEqualTo("ok");
        assertThat(page.result(3)).isEqualTo("not tested: not selected in this run");
        assertThat(page.function(3)).isEqualTo("Change availability");
        assertThat(page.criteria(3)).hasSize(4).last().asString().isEqualTo("Receive a (not empty) StatusNotification "
                + "message per connector (including connector 0), with a valid status, and error details (errorCode) when in error");
        assertThat(page.document().select("#script tbody tr td.num a").eachAttr("href")).hasSize(16)
                .allSatisfy(href -> assertThat(page.document().select("details" + href)).hasSize(1));
    }

    @Test
    void observationsFollowOkInArrivalOrderOnceEach() throws IOException {
        run.scenario(4, "The full list").observe("Configuration (36)").observe("1 key read-only")
                .observe("Configuration (36)").passes();
        run.advance(100).scenario(4, "An unknown key").observe(" 1 key read-only\n").passes();

        assertThat(finish().result(4)).isEqualTo("ok, Configuration (36), 1 key read-only");
    }

    @Test
    void aFailedRowQuotesTheFirstFailingStepOfEachFailedScenario() throws IOException {
        run.scenario(6, "Remote start")
                .step(Status.PASSED, null)
                .step(Status.FAILED, new AssertionError("\nexpected a StartTransaction\nbut none came within 30 s\n"))
                .step(Status.FAILED, new IllegalStateException("an After hook failed too"))
                .finish(Status.FAILED);
        run.advance(100).scenario(6, "Local start").fails(new AssertionError("Authorize was not answered"));

        assertThat(finish().result(6)).isEqualTo("failed: Remote start: expected a StartTransaction but none came "
                + "within 30 s; Local start: Authorize was not answered");
    }

    @Test
    void scenariosThatDidNotRunSayWhy() throws IOException {
        run.scenario(11, "Plug in and out").step(Status.SKIPPED, new IllegalStateException("nobody at the charger"))
                .finish(Status.SKIPPED);
        run.scenario(8, "Meter values").step(Status.PASSED, null).step(Status.UNDEFINED, null, "the meter is read")
                .finish(Status.UNDEFINED);
        run.scenario(7, "Remote stop").passes();
        run.scenario(7, "Local stop by card").step(Status.PENDING, new IllegalStateException("TODO")).finish(Status.PENDING);

        ReportPage page = finish();

        assertThat(page.result(11)).isEqualTo("not tested: nobody at the charger");
        assertThat(page.result(8)).isEqualTo("not tested: undefined (step \"the meter is read\" has no definition)");
        assertThat(page.result(7)).isEqualTo("not tested: Local stop by card: pending (TODO) (1 of 2 scenarios passed)");
    }

    @Test
    void protocolViolationsInsideACaseWindowAreAddedToItsResult() throws IOException {
        String notInteger = "TypeConstraintViolation: connectorId must be an integer";
        String noStatus = "OccurrenceConstraintViolation: status is required";
        trace.frame(run.now().minusMillis(5), "in", "CALL", "Heartbeat", "[2,\"0\",\"Heartbeat\",{\"x\":1}]",
                "before any case: not counted");
        RunScript.Scenario availability = run.scenario(3, "Inoperative and back");
        trace.frame(run.now().plusMillis(10), "in", "CALL", "StatusNotification",
                "[2,\"1\",\"StatusNotification\",{\"connectorId\":\"1\"}]", notInteger);
        run.advance(20);
        availability.passes();
        RunScript.Scenario firmware = run.advance(100).scenario(12, "Firmware");
        for (int i = 0; i < 2; i++) {
            trace.frame(run.now().plusMillis(i), "in", "CALL", "FirmwareStatusNotification",
                    "[2,\"f\",\"FirmwareStatusNotification\",{}]", noStatus);
        }
        run.advance(50);
        firmware.fails(new AssertionError("no Installed"));
        trace.writeTo(reports.resolve(OcppTrace.FILE_NAME));

        ReportPage page = finish();

        assertThat(page.result(3)).isEqualTo("ok, 1 protocol violation: " + notInteger);
        assertThat(page.result(12)).isEqualTo("failed: no Installed; 2 protocol violations: " + noStatus + " (×2)");
        assertThat(page.section(3).select(".msg .problem").eachText()).containsExactly("protocol violation: " + notInteger);
    }

    @Test
    void protocolViolationsOutsideAnyCaseAreListedNotDropped() throws IOException {
        trace.frame(run.now().minusMillis(5), "in", "CALL", "Heartbeat", "[2,\"0\",\"Heartbeat\",{\"x\":1}]",
                "FormationViolation: x is not a field of Heartbeat");
        run.scenario(3, "Inoperative and back").passes();
        trace.writeTo(reports.resolve(OcppTrace.FILE_NAME));

        ReportPage page = finish();

        assertThat(page.result(3)).isEqualTo("ok");
        assertThat(page.document().select("#conformance li").eachText()).containsExactly("outside the cases (before the "
                + "first, between cases, after the last): 1 protocol violation: FormationViolation: x is not a field of Heartbeat");
    }

    @Test
    void whatOcppRequiresBeyondTheScriptIsShownBesideTheVerdictAndSummedUp() throws IOException {
        run.scenario(4, "The full list").observe("Configuration (47)")
                .attach(ReportAttachments.NON_CONFORMANCE, "key ConnectorPhaseRotation missing").passes();

        ReportPage page = finish();

        assertThat(page.result(4)).isEqualTo("ok, Configuration (47); not as OCPP 1.6 requires: key ConnectorPhaseRotation missing");
        assertThat(page.document().select("#conformance p").text()).startsWith("Beyond the script's criteria: "
                + "1 requirement of OCPP 1.6 not met and 0 protocol violations");
        assertThat(page.document().select("#conformance li").eachText())
                .containsExactly("case 4: not as OCPP 1.6 requires: key ConnectorPhaseRotation missing");
    }

    @Test
    void aRunThatStoppedBeforeItsCasesSaysWhyAndKeepsEveryRow() throws IOException {
        run.advance(1000).runFinished(new AssertionError("expected CP-1 to connect and send a BootNotification within 300 s; "
                + "no station connected to ws://127.0.0.1:8887/ocpp/CP-1", null));

        ReportPage page = ReportPage.read(plugin.reportFile());

        assertThat(page.rowNumbers()).hasSize(16);
        assertThat(page.result(1)).isEqualTo("not tested: the run stopped before this case: expected CP-1 to connect and send "
                + "a BootNotification within 300 s; no station connected to ws://127.0.0.1:8887/ocpp/CP-1");
        assertThat(page.notes()).anySatisfy(note -> assertThat(note).startsWith("The run stopped: expected CP-1 to connect"));
    }

    @Test
    void eachCaseShowsOnlyTheMessagesOfItsOwnStation() throws IOException {
        RunScript.Scenario first = run.scenario(2, "Heartbeat").attach(ReportAttachments.STATION, "SIM-02-1");
        RunScript.Scenario second = run.scenario(15, "ClearCache").attach(ReportAttachments.STATION, "SIM-15-2");
        trace.station("SIM-02-1").in(run.now().plusMillis(1), "CALL", "Heartbeat", "[2,\"h\",\"Heartbeat\",{}]")
                .station("SIM-15-2").out(run.now().plusMillis(2), "CALL", "ClearCache", "[2,\"c\",\"ClearCache\",{}]");
        run.advance(10);
        first.passes();
        second.passes();
        trace.writeTo(reports.resolve(OcppTrace.FILE_NAME));

        ReportPage page = finish();

        assertThat(page.section(2).select(".msg .label b").eachText()).containsExactly("Heartbeat");
        assertThat(page.section(15).select(".msg .label b").eachText()).containsExactly("ClearCache");
    }

    @Test
    void theTitleNamesThePlatformOfTheLastRunInfo() throws IOException {
        run.scenario(1, "Boot")
                .attach(ReportAttachments.RUN_INFO, "{\"platform\":\"Other Platform\"}")
                .attach(ReportAttachments.RUN_INFO, "not json")
                .attach(ReportAttachments.RUN_INFO, "{\"platform\":\"Acme Cloud\",\"station\":\"live\","
                        + "\"stationUrl\":\"wss://bench:8443/ocpp/CP-7\",\"suiteVersion\":\"1.2.3\"}")
                .passes();

        ReportPage page = finish();

        assertThat(page.title()).isEqualTo("TestScript Charge Station connected with OCPP 1.6 to Acme Cloud");
        assertThat(page.fact("Station URL")).isEqualTo("wss://bench:8443/ocpp/CP-7");
        assertThat(page.fact("Station under test")).isEqualTo("live");
        assertThat(page.fact("Suite version")).isEqualTo("1.2.3");
        assertThat(page.fact("Run date")).isEqualTo("2026-11-23 12:00:00 Z");
    }

    @Test
    void withoutRunInfoThePlatformComesFromTheSystemProperty() throws IOException {
        System.setProperty(ReportModel.PLATFORM_PROPERTY, "Bench Platform");
        try {
            assertThat(finish().title()).endsWith("to Bench Platform");
        } finally {
            System.clearProperty(ReportModel.PLATFORM_PROPERTY);
        }
    }

    @Test
    void textFromTheChargerOrTheStepsIsShownAsTextNeverAsMarkup() throws IOException {
        String script = "<script>alert(1)</script>";
        String image = "<img src=x onerror=alert(2)>";
        RunScript.Scenario boot = run.scenario(1, "Boot " + script);
        trace.in(run.now().plusMillis(1), "CALL", "BootNotification", "[2,\"1\",\"BootNotification\",{\"chargePointVendor\":"
                + "\"" + script + "\",\"chargePointModel\":\"" + image + "\"}]");
        trace.frame(run.now().plusMillis(2), "in", "CALL", "StatusNotification" + image,
                "[2,\"2\",\"StatusNotification\",{\"status\":\"</pre>" + script + "\"}]", "bad " + image);
        run.advance(10);
        boot.attach(ReportAttachments.RUN_INFO, "{\"platform\":\"" + script + "\",\"stationUrl\":\"\\\" onmouseover=alert(3)\"}")
                .observe(image).passes();
        run.scenario(1, "Second").fails(new AssertionError(script));
        trace.writeTo(reports.resolve(OcppTrace.FILE_NAME));

        ReportPage page = finish();

        assertThat(page.document().select("script")).singleElement()
                .satisfies(ours -> assertThat(ours.data()).doesNotContain("alert"));
        assertThat(page.document().select("img")).isEmpty();
        assertThat(page.document().getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                .noneMatch(attribute -> attribute.getKey().startsWith("on")));
        assertThat(page.identity("chargePointVendor")).isEqualTo(script);
        assertThat(page.identity("chargePointModel")).isEqualTo(image);
        assertThat(page.title()).endsWith("to " + script);
        assertThat(page.result(1)).contains("Second: " + script).contains("bad " + image);
        assertThat(page.section(1).selectFirst(".raw pre").text()).contains("</pre>" + script);
    }

    @Test
    void withoutATraceTheReportSaysSoAndKeepsEveryRow() throws IOException {
        run.scenario(2, "Heartbeats arrive unprompted").passes();

        ReportPage page = finish();

        assertThat(page.rowNumbers()).hasSize(16);
        assertThat(page.result(2)).isEqualTo("ok");
        assertThat(page.notes()).singleElement().asString().startsWith("No OCPP trace was found");
        assertThat(page.document().selectFirst("#identity").text()).contains("No BootNotification was received.");
        assertThat(page.section(2).text()).contains("No OCPP messages were traced while this case ran.");
        assertThat(page.section(5).text()).contains("This case did not run");
    }

    @Test
    void stoppedEarlyTheShutdownHookWritesWhatRanOnce() throws IOException {
        run.scenario(1, "Boot").passes();
        run.advance(100).scenario(2, "Heartbeats arrive unprompted");

        plugin.writeOnShutdown();
        ReportPage page = ReportPage.read(plugin.reportFile());

        assertThat(page.result(1)).isEqualTo("ok");
        assertThat(page.result(2)).isEqualTo("not tested: the run was stopped during \"Heartbeats arrive unprompted\"");
        assertThat(page.result(3)).isEqualTo("not tested: the run was stopped before this case");
        assertThat(page.notes()).first().asString().startsWith("The run was stopped before it finished");
        assertThat(page.fact("Duration")).isEqualTo("1 min 00 s (stopped early)");

        Files.delete(plugin.reportFile());
        run.runFinished();
        plugin.writeOnShutdown();
        assertThat(plugin.reportFile()).doesNotExist();
    }

    @Test
    void afterTheRunFinishedTheShutdownHookDoesNotWriteAgain() throws IOException {
        run.scenario(1, "Boot").passes();
        finish();

        Files.delete(plugin.reportFile());
        plugin.writeOnShutdown();

        assertThat(plugin.reportFile()).doesNotExist();
    }

    @Test
    void theSampleBenchRunFillsInTheScript() throws IOException {
        ReportPage page = ReportPage.read(SampleRun.writeReport(reports.resolve("sample")));

        assertThat(page.rowNumbers()).hasSize(16);
        assertThat(page.identity("chargePointSerialNumber")).isEqualTo("SP-TENDER-10");
        assertThat(page.identity("firmwareVersion")).isEqualTo("1.1.0.1.0b106");
        assertThat(page.identity("iccid")).isEqualTo("8931440400012345678");
        assertThat(page.identity("meterType")).isEqualTo("DC meter");
        assertThat(page.result(1)).isEqualTo("ok");
        assertThat(page.result(3)).isEqualTo("ok, 1 protocol violation: " + SampleRun.VIOLATION);
        assertThat(page.result(4)).isEqualTo("ok, Configuration (36)");
        assertThat(page.result(9)).isEqualTo("ok, soft reset successful on the second attempt");
        assertThat(page.result(12)).isEqualTo("failed: Expecting FirmwareStatusNotification \"Installed\" within 60 s "
                + "but the last status was: \"Installing\"");
        assertThat(page.result(15)).isEqualTo("not tested: not selected in this run");
        assertThat(page.document().select(".tally .chip").eachText())
                .containsExactly("12 ok", "1 failed", "3 not tested");
        assertThat(page.notes()).singleElement().asString().contains("1 line(s) of the OCPP trace could not be read");

        Element remoteStart = page.section(6);
        assertThat(remoteStart.select(".msg.to-cp .label b").eachText()).startsWith("RemoteStartTransaction");
        assertThat(remoteStart.select(".msg.to-cp .fields").eachText())
                .contains("transactionId=42 · idTagInfo.status=Accepted");
        assertThat(page.section(9).select(".marker").eachText())
                .contains("+0.400 s CP-1 disconnected", "+2.400 s CP-1 connected");
    }

    private ReportPage finish() throws IOException {
        run.advance(1000).runFinished();
        return ReportPage.read(plugin.reportFile());
    }
}
