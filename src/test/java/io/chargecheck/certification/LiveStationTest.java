package io.chargecheck.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.config.Settings;
import io.chargecheck.simulator.ChargePointSimulator;
import io.chargecheck.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A charger on the bench, played by a client of the test: what the suite asks of it and when it believes it. */
class LiveStationTest {

    private static final String ID = "CP-BENCH";

    @TempDir
    Path reports;

    private Bench bench;
    private Settings settings;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void startBench() {
        AtomicReference<Settings> loaded = new AtomicReference<>();
        Settings.withOverrides(Map.of("station", "live", "host", "127.0.0.1", "port", "0", "chargePointId", ID,
                "timeout.operator", "1", "timeout.reboot", "5", "timeout.settle", "1", "reports", reports.toString()),
                () -> loaded.set(Settings.load()));
        settings = loaded.get();
        bench = Bench.start(settings, reports, new Console(new PrintStream(console, true, StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stopBench() {
        bench.close();
    }

    @Test
    void aChargerThatReconnectsWithoutBootingIsAskedForItsBootNotification() throws Exception {
        CompletableFuture<Station> station = CompletableFuture.supplyAsync(() -> Station.live(bench, settings));
        RawStation charger = RawStation.connect(bench.centralSystem().url() + "/" + ID);
        try {
            String trigger = charger.received.poll(5, TimeUnit.SECONDS);
            assertThat(trigger).as("what the central system asks a silent charger").contains("\"TriggerMessage\"")
                    .contains("\"requestedMessage\":\"BootNotification\"");
            String messageId = trigger.split("\"")[1];
            charger.send("[3,\"" + messageId + "\",{\"status\":\"Accepted\"}]");
            charger.call("boot", "BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}");

            assertThat(station.get(5, TimeUnit.SECONDS).id()).isEqualTo(ID);
            assertThat(console.toString(StandardCharsets.UTF_8)).contains(ID + ": connected without a BootNotification; "
                    + "asked for one with TriggerMessage");
        } finally {
            charger.close();
        }
    }

    @Test
    void aPhysicalActionCountsAsDoneOnlyOnceTheChargerShowsIt() {
        ChargePointSimulator charger = ChargePointSimulator.start(SimulatorConfig.builder()
                .centralSystemUrl(bench.centralSystem().url()).chargePointId(ID).build());
        try {
            Station station = Station.live(bench, settings);
            Context context = context(station);
            CompletableFuture<Void> plugging = CompletableFuture.runAsync(() -> context.perform(new PhysicalAction.PlugIn(1)));
            Awaitility.await().atMost(java.time.Duration.ofSeconds(2))
                    .until(() -> console.toString(StandardCharsets.UTF_8).contains("ACTION NEEDED: " + ID + ": Plug"));
            assertThat(plugging).as("the step waits while nobody has plugged in").isNotDone();
            charger.plugIn(1);
            plugging.join();

            assertThatThrownBy(() -> context.perform(new PhysicalAction.Unplug(2)))
                    .hasMessageStartingWith("expected the charger to show within 1 s that the person at the bench did as asked "
                            + "(\"Unplug the charging cable from connector 2 (at the EV side).\"): a StatusNotification for "
                            + "connector 2 or a StopTransaction; it sent none");
        } finally {
            charger.close();
        }
    }

    private static Context context(Station station) {
        Evidence evidence = station.evidence();
        Scene scene = new Scene(evidence.mark());
        Platform platform = new Platform(station.bench().centralSystem(), station::id, station.settings().timeouts().call(),
                scene);
        return new Context(station, platform, evidence, scene, new Observations() {
            @Override
            public void note(String observation) {
            }

            @Override
            public void nonConformance(String finding) {
            }
        });
    }
}
