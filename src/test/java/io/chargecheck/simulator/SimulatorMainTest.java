package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorMainTest {

    @Test
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

    @Test
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
}
