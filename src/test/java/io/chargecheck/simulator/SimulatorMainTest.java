package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

class SimulatorMainTest {

    @SideBySide
    void readsTheOptionsOfTheDocumentedCommand() {
        SimulatorConfig config = SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://10.0.0.5:8887/ocpp",
                "--id", "CP-7", "--connectors", "3", "--quirks", "no-heartbeat,ignore-clear-cache", "--password", "s3cret",
                "--heartbeat-interval", "10", "--meter-interval", "5", "--set", "AuthorizeRemoteTxRequests=true",
                "--serial", "SN-1", "--firmware", "2.1")));

        assertThat(config.endpoint()).hasToString("ws://10.0.0.5:8887/ocpp/CP-7");
        assertThat(config.connectors()).isEqualTo(3);
        assertThat(config.quirks()).containsExactlyInAnyOrder(Quirk.NO_HEARTBEAT, Quirk.IGNORE_CLEAR_CACHE);
        assertThat(config.basicAuthPassword()).contains("s3cret");
        assertThat(config.configuration()).containsEntry("HeartbeatInterval", "10")
                .containsEntry("MeterValueSampleInterval", "5").containsEntry("AuthorizeRemoteTxRequests", "true");
        assertThat(config.identity().serialNumber()).isEqualTo("SN-1");
        assertThat(config.identity().firmwareVersion()).isEqualTo("2.1");
    }

    @SideBySide
    void saysWhatIsWrongWithTheOptions() {
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--id", "CP-1"))))
                .hasMessageContaining("--url is required");
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "http://x/ocpp"))))
                .hasMessageContaining("ws:// or wss://");
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--connectors", "two"))))
                .hasMessageContaining("--connectors needs a number");
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--quirks", "wobbly"))))
                .hasMessageContaining("unknown quirk 'wobbly'");
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--frobnicate"))))
                .hasMessageContaining("unknown option --frobnicate");
    }

    @SideBySide
    void variantsAndSeveralStationsFromTheOptions() {
        SimulatorConfig one = SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp",
                "--variants", "late-finishing,slow-replay")));
        assertThat(one.variants()).containsExactlyInAnyOrder(Variant.LATE_FINISHING, Variant.SLOW_REPLAY);

        assertThat(SimulatorMain.stations(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--count", "3"))))
                .extracting(SimulatorConfig::chargePointId).containsExactly("CP-1", "CP-2", "CP-3");
        assertThat(SimulatorMain.stations(new ArrayDeque<>(List.of("--id", "BAY", "--url", "ws://x/ocpp", "--count", "2"))))
                .extracting(SimulatorConfig::chargePointId).containsExactly("BAY-1", "BAY-2");
        List<SimulatorConfig> named = SimulatorMain.stations(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--id", "A",
                "--id", "B", "--quirks", "no-heartbeat", "--state-dir", "/tmp/cc-state")));
        assertThat(named).extracting(SimulatorConfig::chargePointId).containsExactly("A", "B");
        assertThat(named).allSatisfy(c -> assertThat(c.quirks()).containsExactly(Quirk.NO_HEARTBEAT));
        assertThat(named).extracting(c -> c.stateDirectory().toString()).containsExactly("/tmp/cc-state/A", "/tmp/cc-state/B");

        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--count", "2"))))
                .hasMessageContaining("2 stations");
        assertThatThrownBy(() -> SimulatorMain.stations(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--id", "A", "--id", "A"))))
                .hasMessageContaining("an id of its own");
        assertThatThrownBy(() -> SimulatorMain.stations(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--variants", "odd"))))
                .hasMessageContaining("unknown variant 'odd'");
    }

    @SideBySide
    void twoStationsInOneProcessBootAndTheConsoleNamesThem() {
        try (Bench bench = Bench.start()) {
            List<ChargePointSimulator> stations = SimulatorMain.stations(new ArrayDeque<>(List.of("--url", bench.cs.url(),
                    "--count", "2"))).stream().map(config -> bench.add(new ChargePointSimulator(config))).toList();
            long mark = bench.mark();
            stations.forEach(ChargePointSimulator::start);
            for (String id : List.of("CP-1", "CP-2")) {
                bench.awaitSent(id, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
                assertThat(bench.trail(id, mark)).startsWith("BootNotification");
            }
            SimulatorConsole console = new SimulatorConsole(stations);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

            long plugged = bench.mark();
            console.execute("plug CP-2 1", out);
            assertThat(bench.trail("CP-2", plugged)).containsExactly("StatusNotification 1 Preparing");
            assertThat(bench.trail("CP-1", plugged)).isEmpty();
            assertThatThrownBy(() -> console.execute("plug 1", out)).hasMessageContaining("which station?")
                    .hasMessageContaining("CP-1, CP-2");
            console.execute("status", out);
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("CP-1: connected: true").contains("CP-2: connected: true")
                    .contains("connector 1: Preparing");

            for (String id : List.of("CP-1", "CP-2")) {
                assertThat(bench.call(id, new GetConfigurationRequest(List.of("NumberOfConnectors"))).configurationKey())
                        .as(id + " answers").extracting(KeyValue::value).containsExactly("2");
            }
        }
    }

    @SideBySide
    void theStationsFactsFromTheOptions() {
        SimulatorConfig config = SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--fixed-cable",
                "--backup-power", "--reserve-connector-zero", "--profiles", "Core,Reservation")));
        assertThat(config.fixedCable()).isTrue();
        assertThat(config.backupPower()).isTrue();
        assertThat(config.reserveConnectorZero()).isTrue();
        assertThat(config.supportedProfiles()).containsExactly(Profile.Core, Profile.Reservation);
        assertThatThrownBy(() -> SimulatorMain.parse(new ArrayDeque<>(List.of("--url", "ws://x/ocpp", "--profiles", "Core,Teleport"))))
                .hasMessageContaining("unknown feature profile 'Teleport'");
    }

    @SideBySide
    void theConsoleHasThePhysicalEventsOfTheOcaCases() {
        try (Bench bench = Bench.start()) {
            ChargePointSimulator cp = bench.boot(bench.config("CP-C"));
            SimulatorConsole console = new SimulatorConsole(List.of(cp));
            PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

            console.execute("halfplug 1", out);
            assertThat(cp.status(1)).isEqualTo(io.chargecheck.ocpp.message.Core.ChargePointStatus.Faulted);
            console.execute("unplug 1", out);
            console.execute("plug 1", out);
            console.execute("card 1 GOOD-1", out);
            console.execute("evunplug 1", out);
            assertThat(cp.status(1)).as("the cable still in the socket")
                    .isEqualTo(io.chargecheck.ocpp.message.Core.ChargePointStatus.Finishing);
            console.execute("unplug CP-C 1", out);
            console.execute("fault all HighTemperature", out);
            assertThat(cp.status(2)).isEqualTo(io.chargecheck.ocpp.message.Core.ChargePointStatus.Faulted);
            for (int connector = 0; connector <= 2; connector++) {
                console.execute("clear " + connector, out);
            }
            console.execute("jam 2", out);
            assertThat(bench.call("CP-C", new io.chargecheck.ocpp.message.Core.UnlockConnectorRequest(2)).status())
                    .isEqualTo(io.chargecheck.ocpp.message.Core.UnlockStatus.UnlockFailed);
            console.execute("poweroff", out);
            assertThat(cp.isConnected()).isFalse();
            long mark = bench.mark();
            console.execute("poweron", out);
            bench.awaitSent("CP-C", io.chargecheck.ocpp.message.Core.BootNotificationRequest.class, mark);
            assertThatThrownBy(() -> console.execute("fault all NoSuchCode", out)).hasMessageContaining("not an OCPP 1.6 error code");
        }
    }
}
