package io.chargecheck.report;

import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A whole bench run of the script as the suite would report it: most cases pass, some with
 * observations, one fails, one has a pending scenario, one is skipped, one was not selected, one
 * frame breaks the protocol, and the charger sends markup where text belongs.
 */
final class SampleRun {

    static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    static final String HOSTILE_VENDOR = "<script>alert(1)</script>";
    static final String HOSTILE_FILE_NAME = "</pre><img src=x onerror=alert(2)>.zip";
    static final String VIOLATION = "TypeConstraintViolation: connectorId must be an integer";
    static final String FIRMWARE_FAILURE = "\nExpecting FirmwareStatusNotification \"Installed\" within 60 s\n"
            + "but the last status was:\n  \"Installing\"\n";

    private static final String BOOT = "{\"chargePointVendor\":\"<script>alert(1)<\\/script>\","
            + "\"chargePointModel\":\"DH-DC1800SG58\",\"chargePointSerialNumber\":\"SP-TENDER-10\","
            + "\"firmwareVersion\":\"1.1.0.1.0b106\",\"iccid\":\"8931440400012345678\",\"meterType\":\"DC meter\"}";

    private final TraceLines trace = new TraceLines();
    private final RunScript run;
    private final Path outputDirectory;
    private String lastCallId = "";

    private SampleRun(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
        TestScriptReportPlugin plugin = new TestScriptReportPlugin(outputDirectory, featureDirectory(),
                Clock.fixed(START.plusSeconds(600), ZoneOffset.UTC));
        this.run = new RunScript(plugin, START);
    }

    static Path featureDirectory() {
        try {
            return Path.of(Objects.requireNonNull(SampleRun.class.getResource("features")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plays the run into a plugin writing to {@code outputDirectory} and returns the report it wrote. */
    static Path writeReport(Path outputDirectory) throws IOException {
        return new SampleRun(outputDirectory).play();
    }

    private Path play() throws IOException {
        run.runStarted();
        bootNotification();
        heartbeat();
        changeAvailability();
        getConfiguration();
        passingCase(5, "Every writable key", "ChangeConfiguration", "{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}",
                "{\"status\":\"Accepted\"}");
        startTransaction();
        stopTransaction();
        meterValues();
        reset();
        hardwareFault();
        cableStatus();
        firmwareUpdate();
        passingCase(13, "Diagnostics upload", "GetDiagnostics", "{\"location\":\"ftp://10.0.0.2/diag\"}",
                "{\"fileName\":\"" + HOSTILE_FILE_NAME.replace("/", "\\/") + "\"}");
        offlineTransactions();
        // case 15 is not selected in this run
        triggerMessage();
        trace.line("{\"seq\": 999, \"time\": \"not a time\"").writeTo(outputDirectory.resolve(OcppTrace.FILE_NAME));
        run.advance(1000).runFinished();
        return outputDirectory.resolve(TestScriptReportPlugin.REPORT_FILE);
    }

    private void bootNotification() {
        RunScript.Scenario scenario = run.advance(1000).scenario(1, "The charger boots and names itself");
        scenario.attach(ReportAttachments.RUN_INFO, "{\"platform\":\"GreenFlux Platform\",\"station\":\"simulator\","
                + "\"stationUrl\":\"ws://localhost:8887/ocpp/CP-1\",\"suiteVersion\":\"0.1.0\"}");
        trace.connected(at(120));
        call(at(250), "in", "BootNotification", BOOT);
        result(at(262), "out", "BootNotification",
                "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:01Z\",\"interval\":300}");
        call(at(480), "in", "StatusNotification", status(0, "Available", "NoError"));
        result(at(483), "out", "StatusNotification", "{}");
        run.advance(1500);
        scenario.passes();
    }

    private void heartbeat() {
        RunScript.Scenario unprompted = run.advance(500).scenario(2, "Heartbeats arrive unprompted");
        call(at(310), "in", "Heartbeat", "{}");
        result(at(312), "out", "Heartbeat", "{\"currentTime\":\"2026-11-23T12:00:04Z\"}");
        run.advance(900);
        unprompted.passes();
        RunScript.Scenario triggered = run.advance(100).scenario(2, "A triggered heartbeat");
        call(at(40), "out", "TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}");
        result(at(95), "in", "TriggerMessage", "{\"status\":\"Accepted\"}");
        call(at(130), "in", "Heartbeat", "{}");
        result(at(133), "out", "Heartbeat", "{\"currentTime\":\"2026-11-23T12:00:05Z\"}");
        run.advance(600);
        triggered.passes();
    }

    private void changeAvailability() {
        RunScript.Scenario scenario = run.advance(500).scenario(3, "Inoperative and back");
        call(at(50), "out", "ChangeAvailability", "{\"connectorId\":0,\"type\":\"Inoperative\"}");
        result(at(140), "in", "ChangeAvailability", "{\"status\":\"Accepted\"}");
        call(at(220), "in", "StatusNotification", status(0, "Unavailable", "NoError"));
        result(at(223), "out", "StatusNotification", "{}");
        trace.frame(at(260), "in", "CALL", "StatusNotification",
                "[2,\"s2\",\"StatusNotification\",{\"connectorId\":\"1\",\"status\":\"Unavailable\",\"errorCode\":\"NoError\"}]",
                VIOLATION);
        call(at(600), "out", "ChangeAvailability", "{\"connectorId\":0,\"type\":\"Operative\"}");
        result(at(690), "in", "ChangeAvailability", "{\"status\":\"Accepted\"}");
        call(at(760), "in", "StatusNotification", status(1, "Available", "NoError"));
        result(at(763), "out", "StatusNotification", "{}");
        run.advance(1200);
        scenario.passes();
    }

    private void getConfiguration() {
        RunScript.Scenario scenario = run.advance(500).scenario(4, "The full list");
        call(at(30), "out", "GetConfiguration", "{}");
        StringBuilder keys = new StringBuilder();
        for (int i = 1; i <= 36; i++) {
            keys.append(i == 1 ? "" : ",").append("{\"key\":\"Key").append(i).append("\",\"readonly\":false,\"value\":\"").append(i).append("\"}");
        }
        result(at(180), "in", "GetConfiguration", "{\"configurationKey\":[" + keys + "],\"unknownKey\":[]}");
        scenario.observe("Configuration (36)");
        run.advance(400);
        scenario.passes();
    }

    private void startTransaction() {
        RunScript.Scenario remote = run.advance(500).scenario(6, "Remote start");
        call(at(20), "out", "RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"04A2B3C4\"}");
        result(at(90), "in", "RemoteStartTransaction", "{\"status\":\"Accepted\"}");
        call(at(150), "in", "StatusNotification", status(1, "Preparing", "NoError"));
        result(at(152), "out", "StatusNotification", "{}");
        call(at(420), "in", "StartTransaction",
                "{\"connectorId\":1,\"idTag\":\"04A2B3C4\",\"meterStart\":1200,\"timestamp\":\"2026-11-23T12:00:12Z\"}");
        result(at(425), "out", "StartTransaction", "{\"transactionId\":42,\"idTagInfo\":{\"status\":\"Accepted\"}}");
        call(at(530), "in", "StatusNotification", status(1, "Charging", "NoError"));
        result(at(532), "out", "StatusNotification", "{}");
        run.advance(900);
        remote.passes();
        run.advance(100).scenario(6, "Local start").passes();
    }

    private void stopTransaction() {
        RunScript.Scenario remote = run.advance(500).scenario(7, "Remote stop");
        call(at(20), "out", "RemoteStopTransaction", "{\"transactionId\":42}");
        result(at(80), "in", "RemoteStopTransaction", "{\"status\":\"Accepted\"}");
        call(at(300), "in", "StopTransaction", "{\"transactionId\":42,\"meterStop\":1830,\"reason\":\"Remote\","
                + "\"timestamp\":\"2026-11-23T12:00:16Z\"}");
        result(at(304), "out", "StopTransaction", "{\"idTagInfo\":{\"status\":\"Accepted\"}}");
        call(at(390), "in", "StatusNotification", status(1, "Finishing", "NoError"));
        result(at(392), "out", "StatusNotification", "{}");
        run.advance(800);
        remote.passes();
        run.advance(100).scenario(7, "Local stop by card")
                .step(Status.PENDING, new IllegalStateException("needs a person at the charger to present a card"))
                .finish(Status.PENDING);
    }

    private void meterValues() {
        RunScript.Scenario scenario = run.advance(500).scenario(8, "Meter values while charging");
        call(at(30), "out", "ChangeConfiguration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"30\"}");
        result(at(70), "in", "ChangeConfiguration", "{\"status\":\"Accepted\"}");
        call(at(900), "in", "MeterValues", "{\"connectorId\":1,\"transactionId\":43,\"meterValue\":[{\"timestamp\":"
                + "\"2026-11-23T12:00:20Z\",\"sampledValue\":[{\"value\":\"230.1\",\"measurand\":\"Voltage\"}]}]}");
        result(at(903), "out", "MeterValues", "{}");
        trace.frame(at(1300), "in", "MALFORMED", null, "[2,\"mv9\",\"MeterValues\",{\"connectorId\":1,",
                "FormationViolation: the frame is not valid JSON");
        run.advance(1600);
        scenario.passes();
    }

    private void reset() {
        RunScript.Scenario hard = run.advance(500).scenario(9, "Hard reset");
        call(at(20), "out", "Reset", "{\"type\":\"Hard\"}");
        result(at(60), "in", "Reset", "{\"status\":\"Accepted\"}");
        trace.disconnected(at(400));
        trace.connected(at(2400));
        call(at(2500), "in", "BootNotification", BOOT);
        result(at(2504), "out", "BootNotification", "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:27Z\",\"interval\":300}");
        run.advance(2700);
        hard.passes();
        RunScript.Scenario soft = run.advance(100).scenario(9, "Soft reset");
        call(at(20), "out", "Reset", "{\"type\":\"Soft\"}");
        result(at(60), "in", "Reset", "{\"status\":\"Accepted\"}");
        call(at(1060), "out", "Reset", "{\"type\":\"Soft\"}");
        result(at(1100), "in", "Reset", "{\"status\":\"Accepted\"}");
        trace.disconnected(at(1300));
        trace.connected(at(2100));
        call(at(2200), "in", "BootNotification", BOOT);
        result(at(2204), "out", "BootNotification", "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:31Z\",\"interval\":300}");
        soft.observe("soft reset successful on the second attempt");
        run.advance(2400);
        soft.passes();
    }

    private void hardwareFault() {
        RunScript.Scenario scenario = run.advance(500).scenario(10, "A hardware fault");
        call(at(200), "in", "StatusNotification", status(1, "Faulted", "GroundFailure"));
        result(at(203), "out", "StatusNotification", "{}");
        call(at(900), "in", "StatusNotification", status(1, "Available", "NoError"));
        result(at(903), "out", "StatusNotification", "{}");
        scenario.observe("connector unavailable");
        run.advance(1000);
        scenario.passes();
    }

    private void cableStatus() {
        run.advance(500).scenario(11, "Plug in and out")
                .step(Status.SKIPPED, new IllegalStateException("live station without a person at the charger"))
                .finish(Status.SKIPPED);
    }

    private void firmwareUpdate() {
        RunScript.Scenario scenario = run.advance(500).scenario(12, "Firmware from the FTP server");
        call(at(30), "out", "UpdateFirmware", "{\"location\":\"ftp://10.0.0.2/fw.bin\",\"retrieveDate\":\"2026-11-23T12:00:38Z\"}");
        result(at(80), "in", "UpdateFirmware", "{}");
        String[] statuses = {"Downloading", "Downloaded", "Installing"};
        for (int i = 0; i < statuses.length; i++) {
            String status = statuses[i];
            long t = 300 + 1200L * i;
            call(at(t), "in", "FirmwareStatusNotification", "{\"status\":\"" + status + "\"}");
            result(at(t + 3), "out", "FirmwareStatusNotification", "{}");
        }
        run.advance(5000);
        scenario.fails(new AssertionError(FIRMWARE_FAILURE));
    }

    private void offlineTransactions() {
        RunScript.Scenario scenario = run.advance(500).scenario(14, "Transaction ends while offline");
        trace.disconnected(at(100));
        trace.connected(at(3100));
        call(at(3200), "in", "StopTransaction", "{\"transactionId\":44,\"meterStop\":2210,\"reason\":\"Local\","
                + "\"timestamp\":\"2026-11-23T12:00:44Z\"}");
        result(at(3204), "out", "StopTransaction", "{\"idTagInfo\":{\"status\":\"Accepted\"}}");
        run.advance(3500);
        scenario.passes();
    }

    private void triggerMessage() {
        RunScript.Scenario scenario = run.advance(500).scenario(16, "Trigger a StatusNotification");
        call(at(20), "out", "TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}");
        result(at(70), "in", "TriggerMessage", "{\"status\":\"Accepted\"}");
        call(at(120), "in", "StatusNotification", status(1, "Available", "NoError"));
        result(at(123), "out", "StatusNotification", "{}");
        call(at(300), "out", "TriggerMessage", "{\"requestedMessage\":\"DiagnosticsStatusNotification\"}");
        trace.frame(at(350), "in", "CALLERROR", "TriggerMessage",
                "[4,\"t2\",\"NotImplemented\",\"DiagnosticsStatusNotification cannot be triggered\",{}]", null);
        run.advance(600);
        scenario.passes();
    }

    private void passingCase(int number, String name, String action, String request, String response) {
        RunScript.Scenario scenario = run.advance(500).scenario(number, name);
        call(at(30), "out", action, request);
        result(at(110), "in", action, response);
        run.advance(300);
        scenario.passes();
    }

    private Instant at(long millisAfterScenarioStart) {
        return run.now().plusMillis(millisAfterScenarioStart);
    }

    private void call(Instant time, String direction, String action, String payload) {
        lastCallId = action.charAt(0) + String.valueOf(time.toEpochMilli() % 100_000);
        trace.frame(time, direction, "CALL", action, "[2,\"" + lastCallId + "\",\"" + action + "\"," + payload + "]", null);
    }

    /** Answers the call made last, as every exchange in this run is one call and its answer. */
    private void result(Instant time, String direction, String action, String payload) {
        trace.frame(time, direction, "CALLRESULT", action, "[3,\"" + lastCallId + "\"," + payload + "]", null);
    }

    private static String status(int connectorId, String status, String errorCode) {
        return "{\"connectorId\":" + connectorId + ",\"status\":\"" + status + "\",\"errorCode\":\"" + errorCode + "\"}";
    }
}
