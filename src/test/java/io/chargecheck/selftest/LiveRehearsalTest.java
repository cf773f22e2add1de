package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.selftest.SuiteRun.Result;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The rehearsal of a bench session: the suite in live mode, and the simulator started as a
 * process of its own that connects to it over the network, as a real charger would. No person is
 * at this charger, so the cases that need a hand are left out, as a tester would with
 * {@code -Dcucumber.filter.tags="not @manual-step"}.
 */
class LiveRehearsalTest {

    private static final String STATION = "CC-LIVE-REHEARSAL";
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
    void theLiveSuitePassesAgainstTheSimulatorRunningAsItsOwnProcess() throws Exception {
        int port = freePort();
        simulator = startSimulator(port);

        Result result = SuiteRun.run("live-rehearsal", Map.ofEntries(
                Map.entry("station", "live"),
                Map.entry("host", "127.0.0.1"),
                Map.entry("port", String.valueOf(port)),
                Map.entry("chargePointId", STATION),
                Map.entry("heartbeatInterval", "2"),
                Map.entry("test.heartbeatInterval", "1"),
                Map.entry("test.meterInterval", "1"),
                Map.entry("timeout.operator", "3"),
                Map.entry("timeout.quiet", "1"),
                Map.entry("timeout.settle", "1")), "not @manual-step");

        assertThat(result.failures()).as(result.toString()).isEmpty();
        assertThat(result.byCase().keySet()).as("the cases with a scenario that needs no hand")
                .containsExactly(1, 2, 3, 4, 5, 9, 11, 12, 13, 15, 16);
    }

    private static Process startSimulator(int port) throws IOException {
        Path log = Path.of("target", "live-rehearsal", "simulator.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // stdin stays open: the simulator reads the physical world from its console until it ends.
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.chargecheck.simulator.SimulatorMain", "--url", "ws://127.0.0.1:" + port + "/ocpp", "--id", STATION,
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
