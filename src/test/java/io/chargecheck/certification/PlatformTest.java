package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the platform's commands say when a charger refuses them. */
class PlatformTest {

    private static final String ID = "CP-PLATFORM";

    private CentralSystem centralSystem;
    private RawStation station;

    @BeforeEach
    void connect() throws Exception {
        centralSystem = CentralSystem.start(CentralSystemConfig.builder().build());
        station = RawStation.connect(centralSystem.url() + "/" + ID);
        centralSystem.awaitSession(ID, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        station.close();
        centralSystem.close();
    }

    @Test
    void aCommandRefusedAsNotImplementedNamesTheProfileTheStationAdvertises() throws Exception {
        Platform platform = new Platform(centralSystem, () -> ID, Duration.ofSeconds(3), new Scene(0));
        CompletableFuture<Void> charger = CompletableFuture.runAsync(() -> {
            try {
                String update = station.received.poll(5, TimeUnit.SECONDS);
                station.send("[4,\"" + update.split("\"")[1] + "\",\"NotImplemented\",\"\",{}]");
                String ask = station.received.poll(5, TimeUnit.SECONDS);
                station.send("[3,\"" + ask.split("\"")[1] + "\",{\"configurationKey\":[{\"key\":\"SupportedFeatureProfiles\","
                        + "\"readonly\":true,\"value\":\"Core,FirmwareManagement\"}]}]");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> platform.send(new UpdateFirmwareRequest("ftp://x/f.bin", 1, Instant.now(), 10)))
                .hasMessageEndingWith("although it lists FirmwareManagement in SupportedFeatureProfiles");
        charger.get(5, TimeUnit.SECONDS);
    }
}
