package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.config.Settings;
import io.chargecheck.simulator.ChargePointSimulator;
import io.chargecheck.simulator.Quirk;
import io.chargecheck.simulator.SimulatorConfig;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import io.chargecheck.suite.CertificationRun;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Stations that run side by side never see each other's messages: a charger without heartbeats
 * next to a good one on the same central system, at the same time, fails case 2 alone.
 */
class IsolationTest {

    private static final String GOOD = "CP-GOOD";
    private static final String BAD = "CP-NO-HEARTBEAT";
    private ChargePointSimulator good;
    private ChargePointSimulator bad;

    @AfterEach
    void stop() {
        if (good != null) {
            good.close();
        }
        if (bad != null) {
            bad.close();
        }
    }

    @Test
    void aQuirkyStationBesideACleanOneFailsItsCaseAloneAndTheCleanOnePasses() throws IOException {
        int port = freePort();
        String url = "ws://127.0.0.1:" + port + "/ocpp";
        AtomicReference<Settings> settings = new AtomicReference<>();
        Settings.withOverrides(Map.ofEntries(Map.entry("station", "live"), Map.entry("host", "127.0.0.1"),
                Map.entry("port", String.valueOf(port)), Map.entry("chargePointId", GOOD + "," + BAD),
                Map.entry("reports", "target/isolation/reports"), Map.entry("heartbeatInterval", "2"),
                Map.entry("test.heartbeatInterval", "1"), Map.entry("timeout.message", "2"), Map.entry("timeout.call", "3"),
                Map.entry("timeout.reboot", "20"), Map.entry("timeout.quiet", "1"), Map.entry("timeout.settle", "1")),
                () -> settings.set(Settings.load()));
        // they keep trying to connect until the central system of the run is up
        good = ChargePointSimulator.start(SimulatorConfig.builder().centralSystemUrl(url).chargePointId(GOOD).build());
        bad = ChargePointSimulator.start(SimulatorConfig.builder().centralSystemUrl(url).chargePointId(BAD)
                .quirk(Quirk.NO_HEARTBEAT).build());

        Map<String, LaunchResult> results = CertificationRun.run(settings.get(), "@case-02");

        LaunchResult clean = results.get(GOOD);
        LaunchResult quirky = results.get(BAD);
        assertThat(clean.runError()).as(clean.toString()).isNull();
        assertThat(clean.failures()).as(clean.toString()).isEmpty();
        assertThat(quirky.failures()).as(quirky.toString()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.caseNumber()).isEqualTo(2));
        assertThat(List.of(clean, quirky)).allSatisfy(run -> assertThat(run.scenarios()).hasSize(3));
        assertThat(quirky.scenarios()).extracting(ScenarioOutcome::station).containsOnly(BAD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
