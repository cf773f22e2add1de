package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.config.Settings;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import io.chargecheck.suite.CertificationRun;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal of a bench session with two chargers: the suite in live mode, certifying CP-1 and
 * CP-2 at once, and the simulator started as a process of its own with two stations that connect to
 * it over the network, as real chargers would. No person is at these chargers, so the cases that
 * need a hand are left out, as a tester would with {@code -Dcucumber.filter.tags="not @manual-step"}.
 */
class LiveRehearsalTest {

    private static final List<String> CHARGERS = List.of("CP-1", "CP-2");
    private static final Path REPORTS = Path.of("target", "live-rehearsal", "reports");
    private Process simulator;

    @AfterEach
    void stopSimulator() throws InterruptedException {
        if (simulator != null) {
            simulator.destroy();
            if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
                simulator.destroyForcibly();
            }
        }
    }

    @Test
    void theLiveSuiteCertifiesTwoChargersAtOnceRunningAsAProcessOfTheirOwn() throws Exception {
        int port = freePort();
        simulator = startSimulator(port);
        AtomicReference<Settings> settings = new AtomicReference<>();
        Settings.withOverrides(Map.ofEntries(
                Map.entry("station", "live"),
                Map.entry("host", "127.0.0.1"),
                Map.entry("port", String.valueOf(port)),
                Map.entry("chargePointId", String.join(",", CHARGERS)),
                Map.entry("reports", REPORTS.toString()),
                Map.entry("heartbeatInterval", "2"),
                Map.entry("test.heartbeatInterval", "1"),
                Map.entry("test.meterInterval", "1"),
                Map.entry("timeout.message", "2"),
                Map.entry("timeout.call", "3"),
                Map.entry("timeout.operator", "3"),
                // a process of its own takes a while to start on a busy machine
                Map.entry("timeout.reboot", "30"),
                Map.entry("timeout.firmware", "5"),
                Map.entry("timeout.quiet", "1"),
                Map.entry("timeout.settle", "1")), () -> settings.set(Settings.load()));

        Map<String, LaunchResult> results = CertificationRun.run(settings.get(), "not @manual-step");

        assertThat(results.keySet()).containsExactlyElementsOf(CHARGERS);
        for (String id : CHARGERS) {
            LaunchResult result = results.get(id);
            assertThat(result.runError()).as(result.toString()).isNull();
            assertThat(result.failures()).as(result.toString()).isEmpty();
            assertThat(result.scenarios().stream().map(ScenarioOutcome::caseNumber).distinct().sorted().toList())
                    .as("the cases with a scenario that needs no hand").containsExactly(1, 2, 3, 4, 5, 9, 11, 12, 13, 15, 16);
            assertThat(result.scenarios()).extracting(ScenarioOutcome::station).containsOnly(id);
            Path report = REPORTS.resolve(id).resolve("test-script.html");
            assertThat(Jsoup.parse(report.toFile(), "UTF-8").title()).startsWith("TestScript Charge Station");
            List<String> stations = Files.readAllLines(REPORTS.resolve(id).resolve("ocpp-trace.jsonl"), StandardCharsets.UTF_8)
                    .stream().map(line -> line.replaceAll(".*\"station\":\"([^\"]*)\".*", "$1")).distinct().toList();
            assertThat(stations).as("the trace of " + id + " holds its own frames only").containsExactly(id);
        }
        Document index = Jsoup.parse(REPORTS.resolve("index.html").toFile(), "UTF-8");
        assertThat(index.select("#chargers tbody tr").eachText().stream().collect(Collectors.joining("\n")))
                .contains("CP-1").contains("CP-2");
        assertThat(index.select("#chargers a").eachAttr("href")).containsExactly("CP-1/test-script.html", "CP-2/test-script.html");
    }

    private static Process startSimulator(int port) throws IOException {
        Path log = Path.of("target", "live-rehearsal", "simulator.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // stdin stays open: the simulator reads the physical world from its console until it ends.
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.chargecheck.simulator.SimulatorMain", "--url", "ws://127.0.0.1:" + port + "/ocpp", "--count", "2",
                "--set", "ConnectionTimeOut=2"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
