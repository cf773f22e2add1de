package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * Each variant does what real chargers do, against the embedded central system, and keeps every
 * frame schema-valid (the {@link Bench} checks that on close).
 */
class VariantsTest {

    private static final String CP = "CP-V";

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    @SideBySide
    void everyVariantHasItsTestHere() {
        Set<String> tests = Arrays.stream(VariantsTest.class.getDeclaredMethods()).map(Method::getName).collect(Collectors.toSet());
        assertThat(Arrays.stream(Variant.values()).map(variant -> camelCase(variant.wireName())))
                .allSatisfy(name -> assertThat(tests).contains(name));
        assertThat(Variant.values()).allSatisfy(variant -> {
            assertThat(variant.wireName()).matches("[a-z]+(-[a-z]+)*");
            assertThat(variant.description()).isNotBlank();
            assertThat(Variant.fromWire(variant.wireName())).contains(variant);
        });
    }

    @SideBySide
    void lateFinishing() {
        Bench.charging(bench(Variant.LATE_FINISHING));
        long mark = bench.mark();

        cp.presentCard(1, "GOOD-1");

        assertThat(bench.trail(CP, mark)).as("the stop first, nothing else yet").containsExactly("StopTransaction");
        StatusNotificationRequest finishing = bench.awaitSent(CP, StatusNotificationRequest.class, mark);
        assertThat(finishing.status()).isEqualTo(ChargePointStatus.Finishing);
        Instant answered = entry(mark, e -> e.direction() == JournalEntry.Direction.OUT
                && e.frame() instanceof Frame.CallResult && e.action() == Action.StopTransaction).time();
        Instant reported = entry(mark, e -> e.isCallFromStation(Action.StatusNotification)).time();
        assertThat(Duration.between(answered, reported)).isBetween(
                Duration.ofMillis(Variant.LATE_FINISHING_MIN_MS - 10), Duration.ofMillis(Variant.LATE_FINISHING_MAX_MS + 300));
        bench.barrier(CP);
        assertThat(cp.status(1)).as("stays until the unplug").isEqualTo(ChargePointStatus.Finishing);

        long unplug = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, unplug)).containsExactly("StatusNotification 1 Available");
    }

    @SideBySide
    void noAuthCache() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(Variant.NO_AUTH_CACHE).configure("LocalPreAuthorize", "true"));

        assertThat(bench.call(CP, new GetConfigurationRequest(null)).configurationKey()).extracting(KeyValue::key)
                .doesNotContain("AuthorizationCacheEnabled").contains("AllowOfflineTxForUnknownId");
        assertThat(bench.call(CP, new GetConfigurationRequest(List.of("AuthorizationCacheEnabled"))).unknownKey())
                .containsExactly("AuthorizationCacheEnabled");
        assertThat(bench.change(CP, "AuthorizationCacheEnabled", "true")).isEqualTo(ConfigurationStatus.NotSupported);
        assertThat(cp.configuration("AllowOfflineTxForUnknownId")).contains("false");

        cp.presentCard(1, "GOOD-1");
        long again = bench.mark();
        cp.presentCard(2, "GOOD-1");
        assertThat(bench.trail(CP, again)).as("nothing was cached, so it asks again")
                .containsExactly("Authorize", "StatusNotification 2 Preparing");
        assertThat(bench.call(CP, new ClearCacheRequest()).status()).isEqualTo(ClearCacheStatus.Accepted);

        bench.call(CP, new ChangeAvailabilityRequest(0, AvailabilityType.Inoperative));
        bench.call(CP, new ChangeAvailabilityRequest(0, AvailabilityType.Operative));
        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "GOOD-1");
        assertThat(cp.status(1)).as("offline, unknown here: refused").isEqualTo(ChargePointStatus.Preparing);
        assertThat(cp.queuedTransactionMessages()).isZero();
    }

    @SideBySide
    void reconnectWithoutBoot() {
        bench = Bench.start(cs -> cs.heartbeatInterval(2));
        long mark = bench.mark();
        cp = bench.boot(bench.config(CP).variant(Variant.RECONNECT_WITHOUT_BOOT).configure("HeartbeatInterval", "1"));

        assertThat(bench.trail(CP, mark)).filteredOn(call -> !call.equals("Heartbeat"))
                .as("reports as a registered station, without booting").containsExactly(
                "StatusNotification 0 Available", "StatusNotification 1 Available", "StatusNotification 2 Available");
        Bench.await().until(() -> bench.sent(CP, HeartbeatRequest.class, mark).size() >= 2);
        cp.loseNetwork();
        cp.regainNetwork();
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.BootNotification, mark)).as("nor after a reconnect").isFalse();

        long trigger = bench.mark();
        bench.call(CP, new TriggerMessageRequest(MessageTrigger.BootNotification, null));
        bench.awaitSent(CP, io.chargecheck.ocpp.message.Core.BootNotificationRequest.class, trigger);
        Bench.await().until(() -> cp.configuration("HeartbeatInterval").orElseThrow().equals("2"));

        long reset = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        bench.awaitTrail(CP, reset, "BootNotification", "StatusNotification 0 Available", "StatusNotification 1 Available",
                "StatusNotification 2 Available");
    }

    @SideBySide
    void rebootRequiredKeys() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(Variant.REBOOT_REQUIRED_KEYS));

        assertThat(bench.change(CP, "MeterValueSampleInterval", "1")).isEqualTo(ConfigurationStatus.RebootRequired);
        assertThat(bench.change(CP, "MeterValuesSampledData", "Energy.Active.Import.Register,Voltage")).isEqualTo(ConfigurationStatus.RebootRequired);
        assertThat(bench.change(CP, "WebSocketPingInterval", "30")).isEqualTo(ConfigurationStatus.RebootRequired);
        assertThat(bench.change(CP, "MeterValueSampleInterval", "60")).as("its own value").isEqualTo(ConfigurationStatus.Accepted);
        assertThat(bench.change(CP, "MeterValueSampleInterval", "1")).isEqualTo(ConfigurationStatus.RebootRequired);
        assertThat(bench.change(CP, "HeartbeatInterval", "200")).as("not one of them").isEqualTo(ConfigurationStatus.Accepted);
        assertThat(keyValue("MeterValueSampleInterval")).as("the value in force").isEqualTo("60");

        long reset = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        bench.awaitSent(CP, StatusNotificationRequest.class, reset, s -> s.connectorId() == 2);
        assertThat(keyValue("MeterValueSampleInterval")).isEqualTo("1");
        assertThat(keyValue("MeterValuesSampledData")).isEqualTo("Energy.Active.Import.Register,Voltage");
        assertThat(keyValue("WebSocketPingInterval")).isEqualTo("30");

        Bench.charging(cp);
        long mark = bench.mark();
        List<MeterValuesRequest> periodic = Bench.await().until(() -> bench.sent(CP, MeterValuesRequest.class, mark).stream()
                .filter(m -> m.meterValue().get(0).sampledValue().get(0).context() == ReadingContext.SamplePeriodic).toList(),
                list -> !list.isEmpty());
        assertThat(periodic.get(0).meterValue().get(0).sampledValue()).extracting(v -> v.measurand().name())
                .contains("Voltage");
    }

    @SideBySide
    void notificationsBeforeAnswer() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(Variant.NOTIFICATIONS_BEFORE_ANSWER));

        long mark = bench.mark();
        String fileName = bench.call(CP, new GetDiagnosticsRequest(bench.ftp().uploadLocation().toString(), null, null,
                null, null)).fileName();

        assertThat(bench.diagnosticsStatuses(CP, mark)).as("both sent before the answer came")
                .containsExactly(DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded);
        assertThat(bench.ftp().uploaded(fileName)).isPresent();
        assertThat(seqOf(mark, answerOf(Action.GetDiagnostics))).isGreaterThan(
                seqOf(mark, e -> e.isCallFromStation(Action.DiagnosticsStatusNotification)));

        long firmware = bench.mark();
        String location = bench.ftp().serve("cc-sim-3.0.0.bin", "image".getBytes(StandardCharsets.UTF_8)).toString();
        bench.call(CP, new UpdateFirmwareRequest(location, null, Instant.now(), null));
        assertThat(bench.firmwareStatuses(CP, firmware)).as("sent before the answer came")
                .containsExactly(FirmwareStatus.Downloading);
        assertThat(seqOf(firmware, answerOf(Action.UpdateFirmware))).isGreaterThan(
                seqOf(firmware, e -> e.isCallFromStation(Action.FirmwareStatusNotification)));
        assertThat(bench.awaitSent(CP, io.chargecheck.ocpp.message.Core.BootNotificationRequest.class, firmware)
                .firmwareVersion()).isEqualTo("cc-sim-3.0.0");
        assertThat(bench.firmwareStatuses(CP, firmware)).containsExactly(FirmwareStatus.Downloading,
                FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.Installed);
    }

    @SideBySide
    void noConnectorZeroAtBoot() {
        bench = Bench.start();
        long mark = bench.mark();
        cp = bench.boot(bench.config(CP).variant(Variant.NO_CONNECTOR_ZERO_AT_BOOT));
        assertThat(bench.trail(CP, mark)).containsExactly("BootNotification", "StatusNotification 1 Available",
                "StatusNotification 2 Available");

        long fault = bench.mark();
        cp.injectFault(0, ChargePointErrorCode.HighTemperature, null);
        cp.clearFault(0);
        assertThat(bench.trail(CP, fault)).as("the station's own changes still on 0")
                .containsExactly("StatusNotification 0 Faulted", "StatusNotification 0 Available");

        long reset = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Soft));
        bench.awaitTrail(CP, reset, "BootNotification", "StatusNotification 1 Available", "StatusNotification 2 Available");
    }

    @SideBySide
    void slowReplay() {
        Duration delay = Duration.ofMillis(600);
        Duration gap = Duration.ofMillis(400);
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(Variant.SLOW_REPLAY).slowReplay(delay, gap)
                .configure("MeterValueSampleInterval", "1"));
        Bench.charging(cp);
        bench.cs.goOffline(CP, Duration.ofSeconds(30));
        Bench.await().until(() -> !cp.isConnected());
        Bench.await().until(() -> cp.queuedTransactionMessages() >= 2);
        cp.unplug(1);
        int kept = cp.queuedTransactionMessages();
        long mark = bench.mark();

        bench.cs.comeBackOnline(CP);

        bench.awaitSent(CP, StopTransactionRequest.class, mark);
        List<JournalEntry> entries = bench.cs.journal().since(mark);
        Instant connected = entries.stream().filter(e -> e.kind() == JournalEntry.Kind.CONNECTED).findFirst().orElseThrow().time();
        List<JournalEntry> replayed = entries.stream().filter(e -> e.isCallFromStation(Action.MeterValues)
                || e.isCallFromStation(Action.StopTransaction)).toList();
        assertThat(replayed).hasSizeGreaterThanOrEqualTo(kept);
        assertThat(Duration.between(connected, replayed.get(0).time())).isGreaterThanOrEqualTo(delay);
        for (int i = 1; i < kept; i++) {
            assertThat(Duration.between(replayed.get(i - 1).time(), replayed.get(i).time())).isGreaterThanOrEqualTo(gap);
        }
        assertThat(seqOf(mark, e -> e.message(StatusNotificationRequest.class).isPresent()))
                .as("the status is not held up").isLessThan(replayed.get(0).seq());
        assertThat(bench.trail(CP, mark)).filteredOn(t -> t.equals("StopTransaction") || t.equals("MeterValues"))
                .endsWith("StopTransaction");
    }

    @SideBySide
    void noEvSideDisconnectKey() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(Variant.NO_EV_SIDE_DISCONNECT_KEY));

        assertThat(bench.call(CP, new GetConfigurationRequest(null)).configurationKey()).extracting(KeyValue::key)
                .doesNotContain("StopTransactionOnEVSideDisconnect");
        assertThat(bench.change(CP, "StopTransactionOnEVSideDisconnect", "false")).isEqualTo(ConfigurationStatus.NotSupported);

        Bench.charging(cp);
        long mark = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StopTransaction", "StatusNotification 1 Available");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.EVDisconnected);
    }

    // ---- helpers

    private ChargePointSimulator bench(Variant variant) {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).variant(variant));
        return cp;
    }

    private String keyValue(String key) {
        GetConfigurationResponse answer = bench.call(CP, new GetConfigurationRequest(List.of(key)));
        return answer.configurationKey().get(0).value();
    }

    private JournalEntry entry(long since, Predicate<JournalEntry> wanted) {
        return bench.cs.journal().since(since).stream().filter(wanted).findFirst().orElseThrow();
    }

    private long seqOf(long since, Predicate<JournalEntry> wanted) {
        return entry(since, wanted).seq();
    }

    /** The station's answer to a call of the central system. */
    private static Predicate<JournalEntry> answerOf(Action action) {
        return e -> e.direction() == JournalEntry.Direction.IN && e.frame() instanceof Frame.CallResult && e.action() == action;
    }

    static String camelCase(String wireName) {
        String[] words = wireName.split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
