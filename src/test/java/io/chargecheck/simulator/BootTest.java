package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import org.junit.jupiter.api.AfterEach;

class BootTest {

    private Bench bench;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    @SideBySide
    void bootsWithItsIdentityThenReportsConnectorZeroAndEveryConnectorThenBeats() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        long mark = bench.mark();
        ChargePointSimulator cp = bench.boot(bench.config("CP-1").connectors(2));

        BootNotificationRequest boot = bench.awaitSent("CP-1", BootNotificationRequest.class, mark);
        assertThat(boot.chargePointVendor()).isEqualTo("ChargeCheck");
        assertThat(boot.chargePointModel()).isEqualTo("CC-Sim-2");
        assertThat(boot.chargePointSerialNumber()).isEqualTo("CCSIM-000001");
        assertThat(boot.firmwareVersion()).isEqualTo("1.0.0");
        assertThat(boot.iccid()).isNotBlank();
        assertThat(boot.imsi()).isNotBlank();
        assertThat(boot.meterType()).isNotBlank();
        assertThat(bench.trail("CP-1", mark)).startsWith("BootNotification",
                "StatusNotification 0 Available", "StatusNotification 1 Available", "StatusNotification 2 Available");
        assertThat(cp.registrationStatus()).contains(RegistrationStatus.Accepted);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Available);

        Bench.await().until(() -> bench.sent("CP-1", HeartbeatRequest.class, mark).size() >= 2);
        assertThat(cp.configuration("HeartbeatInterval")).contains("1");
    }

    @SideBySide
    void aConfigurationValueTheStationWouldRefuseStopsItBeforeItStarts() {
        SimulatorConfig config = SimulatorConfig.builder().centralSystemUrl("ws://127.0.0.1:1/ocpp")
                .configure("NumberOfConnectors", "3").build();
        assertThatThrownBy(() -> new ChargePointSimulator(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NumberOfConnectors").hasMessageContaining("Rejected");
    }
}
