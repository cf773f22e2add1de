package io.chargecheck.report;

import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

    private static final String ACCEPTED = "{\"status\":\"Accepted\"}";
    private static final String BOOT_ACCEPTED = "{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:01Z\","
            + "\"interval\":300}";
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
        scenario(1, "The charger boots and names itself", 1500, boot -> {
            boot.attach(ReportAttachments.RUN_INFO, "{\"platform\":\"GreenFlux Platform\",\"station\":\"simulator\","
                    + "\"stationUrl\":\"ws://localhost:8887/ocpp/CP-1\",\"suiteVersion\":\"0.1.0\"}");
            trace.connected(at(120));
            exchange(250, "in", "BootNotification", BOOT, BOOT_ACCEPTED);
            statusNotification(480, 0, "Available", "NoError");
        }).passes();

        scenario(2, "Heartbeats arrive unprompted", 900, s ->
                exchange(310, "in", "Heartbeat", "{}", "{\"currentTime\":\"2026-11-23T12:00:04Z\"}")).passes();
        scenario(2, "A triggered heartbeat", 600, s -> {
            exchange(40, "out", "TriggerMessage", "{\"requestedMessage\":\"Heartbeat\"}", ACCEPTED);
            exchange(130, "in", "Heartbeat", "{}", "{\"currentTime\":\"2026-11-23T12:00:05Z\"}");
        }).passes();

        scenario(3, "Inoperative and back", 1200, s -> {
            exchange(50, "out", "ChangeAvailability", "{\"connectorId\":0,\"type\":\"Inoperative\"}", ACCEPTED);
            statusNotification(220, 0, "Unavailable", "NoError");
            trace.frame(at(260), "in", "CALL", "StatusNotification", "[2,\"s2\",\"StatusNotification\","
                    + "{\"connectorId\":\"1\",\"status\":\"Unavailable\",\"errorCode\":\"NoError\"}]", VIOLATION);
            exchange(600, "out", "ChangeAvailability", "{\"connectorId\":0,\"type\":\"Operative\"}", ACCEPTED);
            statusNotification(760, 1, "Available", "NoError");
        }).passes();

        scenario(4, "The full list", 400, list -> {
            String keys = IntStream.rangeClosed(1, 36)
                    .mapToObj(i -> "{\"key\":\"Key%d\",\"readonly\":false,\"value\":\"%d\"}".formatted(i, i))
                    .collect(Collectors.joining(","));
            exchange(30, "out", "GetConfiguration", "{}", "{\"configurationKey\":[" + keys + "],\"unknownKey\":[]}");
            list.observe("Configuration (36)");
        }).passes();

        scenario(5, "Every writable key", 300, s -> exchange(30, "out", "ChangeConfiguration",
                "{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}", ACCEPTED)).passes();

        scenario(6, "Remote start", 900, s -> {
            exchange(20, "out", "RemoteStartTransaction", "{\"connectorId\":1,\"idTag\":\"04A2B3C4\"}", ACCEPTED);
            statusNotification(150, 1, "Preparing", "NoError");
            exchange(420, "in", "StartTransaction",
                    "{\"connectorId\":1,\"idTag\":\"04A2B3C4\",\"meterStart\":1200,"
                            + "\"timestamp\":\"2026-11-23T12:00:12Z\"}",
                    "{\"transactionId\":42,\"idTagInfo\":{\"status\":\"Accepted\"}}");
            statusNotification(530, 1, "Charging", "NoError");
        }).passes();
        scenario(6, "Local start", 100, s -> { }).passes();

        scenario(7, "Remote stop", 800, s -> {
            exchange(20, "out", "RemoteStopTransaction", "{\"transactionId\":42}", ACCEPTED);
            exchange(300, "in", "StopTransaction", "{\"transactionId\":42,\"meterStop\":1830,\"reason\":\"Remote\","
                    + "\"timestamp\":\"2026-11-23T12:00:16Z\"}", "{\"idTagInfo\":{\"status\":\"Accepted\"}}");
            statusNotification(390, 1, "Finishing", "NoError");
        }).passes();
        scenario(7, "Local stop by card", 100, s -> { })
                .step(Status.PENDING, new IllegalStateException("needs a person at the charger to present a card"))
                .finish(Status.PENDING);

        scenario(8, "Meter values while charging", 1600, s -> {
            exchange(30, "out", "ChangeConfiguration", "{\"key\":\"MeterValueSampleInterval\",\"value\":\"30\"}",
                    ACCEPTED);
            exchange(900, "in", "MeterValues", "{\"connectorId\":1,\"transactionId\":43,\"meterValue\":[{\"timestamp\":"
                    + "\"2026-11-23T12:00:20Z\",\"sampledValue\":[{\"value\":\"230.1\",\"measurand\":\"Voltage\"}]}]}",
                    "{}");
            trace.frame(at(1300), "in", "MALFORMED", null, "[2,\"mv9\",\"MeterValues\",{\"connectorId\":1,",
                    "FormationViolation: the frame is not valid JSON");
        }).passes();

        scenario(9, "Hard reset", 2700, s -> {
            exchange(20, "out", "Reset", "{\"type\":\"Hard\"}", ACCEPTED);
            trace.disconnected(at(400));
            trace.connected(at(2400));
            exchange(2500, "in", "BootNotification", BOOT, BOOT_ACCEPTED);
        }).passes();
        scenario(9, "Soft reset", 2400, soft -> {
            exchange(20, "out", "Reset", "{\"type\":\"Soft\"}", ACCEPTED);
            exchange(1060, "out", "Reset", "{\"type\":\"Soft\"}", ACCEPTED);
            trace.disconnected(at(1300));
            trace.connected(at(2100));
            exchange(2200, "in", "BootNotification", BOOT, BOOT_ACCEPTED);
            soft.observe("soft reset successful on the second attempt");
        }).passes();

        scenario(10, "A hardware fault", 1000, fault -> {
            statusNotification(200, 1, "Faulted", "GroundFailure");
            statusNotification(900, 1, "Available", "NoError");
            fault.observe("connector unavailable");
        }).passes();

        scenario(11, "Plug in and out", 0, s -> { })
                .step(Status.SKIPPED, new IllegalStateException("live station without a person at the charger"))
                .finish(Status.SKIPPED);

        scenario(12, "Firmware from the FTP server", 5000, s -> {
            exchange(30, "out", "UpdateFirmware",
                    "{\"location\":\"ftp://10.0.0.2/fw.bin\",\"retrieveDate\":\"2026-11-23T12:00:38Z\"}", "{}");
            List<String> statuses = List.of("Downloading", "Downloaded", "Installing");
            for (int i = 0; i < statuses.size(); i++) {
                exchange(300 + 1200L * i, "in", "FirmwareStatusNotification",
                        "{\"status\":\"" + statuses.get(i) + "\"}", "{}");
            }
        }).fails(new AssertionError(FIRMWARE_FAILURE));

        scenario(13, "Diagnostics upload", 300, s -> exchange(30, "out", "GetDiagnostics",
                "{\"location\":\"ftp://10.0.0.2/diag\"}",
                "{\"fileName\":\"" + HOSTILE_FILE_NAME.replace("/", "\\/") + "\"}")).passes();

        scenario(14, "Transaction ends while offline", 3500, s -> {
            trace.disconnected(at(100));
            trace.connected(at(3100));
            exchange(3200, "in", "StopTransaction", "{\"transactionId\":44,\"meterStop\":2210,\"reason\":\"Local\","
                    + "\"timestamp\":\"2026-11-23T12:00:44Z\"}", "{\"idTagInfo\":{\"status\":\"Accepted\"}}");
        }).passes();

        // case 15 is not selected in this run

        scenario(16, "Trigger a StatusNotification", 600, s -> {
            exchange(20, "out", "TriggerMessage", "{\"requestedMessage\":\"StatusNotification\",\"connectorId\":1}",
                    ACCEPTED);
            statusNotification(120, 1, "Available", "NoError");
            call(at(300), "out", "TriggerMessage", "{\"requestedMessage\":\"DiagnosticsStatusNotification\"}");
            trace.frame(at(350), "in", "CALLERROR", "TriggerMessage",
                    "[4,\"t2\",\"NotImplemented\",\"DiagnosticsStatusNotification cannot be triggered\",{}]", null);
        }).passes();

        trace.line("{\"seq\": 999, \"time\": \"not a time\"").writeTo(outputDirectory.resolve(OcppTrace.FILE_NAME));
        run.advance(1000).runFinished();
        return outputDirectory.resolve(TestScriptReportPlugin.REPORT_FILE);
    }

    /**
     * Starts a scenario of case {@code number}, lets it exchange its {@code traffic} (times from its
     * start) and lets {@code millis} pass; the caller says how it ended.
     */
    private RunScript.Scenario scenario(int number, String name, long millis, Consumer<RunScript.Scenario> traffic) {
        RunScript.Scenario scenario = run.advance(500).scenario(number, name);
        traffic.accept(scenario);
        run.advance(millis);
        return scenario;
    }

    /** A call and its answer: the central system answers at once, a charger takes a little longer. */
    private void exchange(long millis, String direction, String action, String request, String response) {
        boolean fromCharger = "in".equals(direction);
        call(at(millis), direction, action, request);
        result(at(millis + (fromCharger ? 3 : 60)), fromCharger ? "out" : "in", action, response);
    }

    private Instant at(long millisAfterScenarioStart) {
        return run.now().plusMillis(millisAfterScenarioStart);
    }

    private void call(Instant time, String direction, String action, String payload) {
        lastCallId = action.charAt(0) + String.valueOf(time.toEpochMilli() % 100_000);
        String frame = "[2,\"%s\",\"%s\",%s]".formatted(lastCallId, action, payload);
        trace.frame(time, direction, "CALL", action, frame, null);
    }

    /** Answers the call made last, as every exchange in this run is one call and its answer. */
    private void result(Instant time, String direction, String action, String payload) {
        trace.frame(time, direction, "CALLRESULT", action, "[3,\"" + lastCallId + "\"," + payload + "]", null);
    }

    private void statusNotification(long millis, int connectorId, String status, String errorCode) {
        exchange(millis, "in", "StatusNotification", "{\"connectorId\":" + connectorId + ",\"status\":\"" + status
                + "\",\"errorCode\":\"" + errorCode + "\"}", "{}");
    }
}
