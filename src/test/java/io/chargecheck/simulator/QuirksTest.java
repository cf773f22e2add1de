package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * Each quirk does what it says, and only that: the scenario that shows the defect, against the
 * embedded central system. Where a quirk means something does NOT happen, a {@link Bench#barrier}
 * (or a wait just beyond the timer concerned) proves it did not.
 */
class QuirksTest {

    private static final String CP = "CP-Q";
    /** Past a 1 s timer (heartbeat, meter, ConnectionTimeOut settings of these tests). */
    private static final Duration PAST_ONE_SECOND = Duration.ofMillis(1200);
    /** Past the simulator's default install (300 ms) and reboot (200 ms) times, and an FTP transfer on loopback. */
    private static final Duration PAST_INSTALL_AND_REBOOT = Duration.ofMillis(800);

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    @SideBySide
    void everyQuirkHasItsTestHere() {
        Set<String> tests = Arrays.stream(new Class<?>[] {QuirksTest.class, OcttQuirksTest.class, SmartChargingQuirksTest.class,
                        SecurityQuirksTest.class})
                .flatMap(type -> Arrays.stream(type.getDeclaredMethods())).map(Method::getName).collect(Collectors.toSet());
        assertThat(Arrays.stream(Quirk.values()).map(QuirksTest::testName)).allSatisfy(name -> assertThat(tests).contains(name));
        assertThat(Arrays.stream(Quirk.values()).map(Quirk::testCase).filter(c -> c != Quirk.NO_SCRIPT_CASE)
                .collect(Collectors.toSet())).as("at least one quirk for each of the 16 test cases").hasSize(16);
    }

    static String testName(Quirk quirk) {
        String[] words = quirk.wireName().split("-");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }

    // ---- case 1

    @SideBySide
    void bootWithoutSerial() {
        boot(Quirk.BOOT_WITHOUT_SERIAL);
        BootNotificationRequest boot = bench.awaitSent(CP, BootNotificationRequest.class, 0);
        assertThat(boot.chargePointSerialNumber()).isNull();
        assertThat(boot.chargePointVendor()).isNotNull();
        assertThat(boot.firmwareVersion()).isNotNull();
    }

    // ---- case 2

    @SideBySide
    void noHeartbeat() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        cp = bench.boot(bench.config(CP).quirk(Quirk.NO_HEARTBEAT));
        Bench.nothingFor(PAST_ONE_SECOND, () -> bench.sent(CP, HeartbeatRequest.class, 0).isEmpty());
        bench.barrier(CP); // a triggered one still comes
    }

    @SideBySide
    void heartbeatIntervalIgnored() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        cp = bench.boot(bench.config(CP).quirk(Quirk.HEARTBEAT_INTERVAL_IGNORED));
        assertThat(change("HeartbeatInterval", "5")).isEqualTo(ConfigurationStatus.Accepted);
        long mark = bench.mark();
        Instant changed = Instant.now();
        bench.awaitSent(CP, HeartbeatRequest.class, mark);
        assertThat(Duration.between(changed, Instant.now())).as("still beating every second").isLessThan(Duration.ofMillis(1500));
        assertThat(cp.configuration("HeartbeatInterval")).contains("5");
    }

    // ---- case 3

    @SideBySide
    void noConnectorZeroStatus() {
        boot(Quirk.NO_CONNECTOR_ZERO_STATUS);
        assertThat(bench.sent(CP, StatusNotificationRequest.class, 0)).extracting(StatusNotificationRequest::connectorId)
                .containsExactly(1, 2);
        long mark = bench.mark();
        assertThat(trigger(MessageTrigger.StatusNotification)).isEqualTo(TriggerMessageStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.sent(CP, StatusNotificationRequest.class, mark)).extracting(StatusNotificationRequest::connectorId)
                .containsExactly(1, 2);
    }

    @SideBySide
    void availabilityNotReported() {
        boot(Quirk.AVAILABILITY_NOT_REPORTED);
        long mark = bench.mark();
        assertThat(bench.call(CP, new ChangeAvailabilityRequest(1, AvailabilityType.Inoperative)).status())
                .isEqualTo(AvailabilityStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
        assertThat(cp.status(1)).as("applied all the same").isEqualTo(ChargePointStatus.Unavailable);
    }

    // ---- case 4

    @SideBySide
    void unknownKeyNotReported() {
        boot(Quirk.UNKNOWN_KEY_NOT_REPORTED);
        var answer = bench.call(CP, new GetConfigurationRequest(List.of("HeartbeatInterval", "NoSuchKey")));
        assertThat(answer.configurationKey()).hasSize(1);
        assertThat(answer.unknownKey()).isNull();
    }

    // ---- case 5

    @SideBySide
    void keyNotSupported() {
        boot(Quirk.KEY_NOT_SUPPORTED);
        assertThat(change("ConnectionTimeOut", "60")).isEqualTo(ConfigurationStatus.NotSupported);
        assertThat(change("HeartbeatInterval", "300")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(bench.call(CP, new GetConfigurationRequest(List.of("ConnectionTimeOut"))).configurationKey())
                .as("still listed").hasSize(1);
    }

    @SideBySide
    void rejectChangeConfiguration() {
        boot(Quirk.REJECT_CHANGE_CONFIGURATION);
        assertThat(change("HeartbeatInterval", "300")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("MeterValueSampleInterval", "10")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(cp.configuration("MeterValueSampleInterval")).contains("60");
    }

    // ---- case 6

    @SideBySide
    void remoteStartIgnored() {
        boot(Quirk.REMOTE_START_IGNORED);
        cp.plugIn(1);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null)).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
        assertThat(cp.transactionId(1)).isEmpty();
    }

    @SideBySide
    void localStartWithoutAuthorize() {
        boot(Quirk.LOCAL_START_WITHOUT_AUTHORIZE);
        cp.plugIn(1);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).startsWith("StartTransaction", "StatusNotification 1 Charging")
                .doesNotContain("Authorize");
        long noCable = bench.mark();
        cp.presentCard(2, "GOOD-2");
        assertThat(bench.trail(CP, noCable)).as("without a cable it still asks")
                .containsExactly("Authorize", "StatusNotification 2 Preparing");
    }

    @SideBySide
    void startDespiteRejectedCard() {
        boot(Quirk.START_DESPITE_REJECTED_CARD);
        cp.plugIn(1);
        long mark = bench.mark();
        cp.presentCard(1, "STRANGER");
        assertThat(bench.trail(CP, mark)).startsWith("Authorize", "StartTransaction");
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, mark).idTag()).isEqualTo("STRANGER");
    }

    // ---- case 7

    @SideBySide
    void remoteStopIgnored() {
        charging(Quirk.REMOTE_STOP_IGNORED);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStopTransactionRequest(cp.transactionId(1).orElseThrow())).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, mark)).isFalse();
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Charging);
    }

    @SideBySide
    void localStopIgnored() {
        charging(Quirk.LOCAL_STOP_IGNORED);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, mark)).isFalse();
        assertThat(cp.transactionId(1)).isPresent();
    }

    @SideBySide
    void unplugDoesNotStop() {
        charging(Quirk.UNPLUG_DOES_NOT_STOP);
        long mark = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 SuspendedEV");
        assertThat(cp.transactionId(1)).isPresent();
    }

    // ---- case 8

    @SideBySide
    void rejectMeasurand() {
        boot(Quirk.REJECT_MEASURAND);
        assertThat(change("MeterValuesSampledData", "Energy.Active.Import.Register,Voltage")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("MeterValuesSampledData", "Energy.Active.Import.Register,Current.Import,Power.Active.Import"))
                .isEqualTo(ConfigurationStatus.Accepted);
    }

    @SideBySide
    void noMeterValues() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).quirk(Quirk.NO_METER_VALUES).configure("MeterValueSampleInterval", "1"));
        long mark = bench.mark();
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        Bench.nothingFor(PAST_ONE_SECOND, () -> periodic(mark).isEmpty());
        assertThat(bench.sent(CP, MeterValuesRequest.class, mark)).as("the Transaction.Begin sample still comes").hasSize(1);
    }

    @SideBySide
    void meterIntervalIgnored() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).quirk(Quirk.METER_INTERVAL_IGNORED).configure("MeterValueSampleInterval", "1"));
        cp.plugIn(1);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        Instant started = Instant.now();
        Bench.await().until(() -> !periodic(mark).isEmpty());
        assertThat(Duration.between(started, Instant.now()))
                .isGreaterThan(Duration.ofSeconds(Quirk.FIXED_METER_INTERVAL_SECONDS).minusMillis(500));
    }

    @SideBySide
    void noTransactionMeterValues() {
        charging(Quirk.NO_TRANSACTION_METER_VALUES);
        assertThat(bench.sent(CP, MeterValuesRequest.class, 0)).as("no Transaction.Begin sample").isEmpty();
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).transactionData()).isNull();
    }

    @SideBySide
    void meterValuesEnergyOnly() {
        boot(Quirk.METER_VALUES_ENERGY_ONLY);
        assertThat(change("MeterValuesSampledData", "Energy.Active.Import.Register,Voltage,Current.Import,Power.Active.Import"))
                .isEqualTo(ConfigurationStatus.Accepted);
        long mark = bench.mark();
        assertThat(trigger(MessageTrigger.MeterValues)).isEqualTo(TriggerMessageStatus.Accepted);
        MeterValuesRequest values = bench.awaitSent(CP, MeterValuesRequest.class, mark);
        assertThat(values.meterValue().get(0).sampledValue()).extracting(SampledValue::measurand)
                .containsExactly(Measurand.EnergyActiveImportRegister);
    }

    // ---- case 9

    @SideBySide
    void hardResetIgnored() {
        boot(Quirk.HARD_RESET_IGNORED);
        assertResetDoesNothing(ResetType.Hard);
    }

    @SideBySide
    void softResetIgnored() {
        boot(Quirk.SOFT_RESET_IGNORED);
        assertResetDoesNothing(ResetType.Soft);
        long mark = bench.mark();
        assertThat(bench.call(CP, new ResetRequest(ResetType.Hard)).status()).isEqualTo(ResetStatus.Accepted);
        bench.awaitSent(CP, BootNotificationRequest.class, mark); // a hard one works
    }

    @SideBySide
    void softResetNeedsSecondAttempt() {
        boot(Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT);
        assertResetDoesNothing(ResetType.Soft);
        long mark = bench.mark();
        assertThat(bench.call(CP, new ResetRequest(ResetType.Soft)).status()).isEqualTo(ResetStatus.Accepted);
        bench.awaitSent(CP, BootNotificationRequest.class, mark);
    }

    // ---- case 10

    @SideBySide
    void faultWithoutErrorCode() {
        boot(Quirk.FAULT_WITHOUT_ERROR_CODE);
        long mark = bench.mark();
        cp.injectFault(1, ChargePointErrorCode.GroundFailure, "E-1");
        StatusNotificationRequest faulted = bench.awaitSent(CP, StatusNotificationRequest.class, mark);
        assertThat(faulted.status()).isEqualTo(ChargePointStatus.Faulted);
        assertThat(faulted.errorCode()).isEqualTo(ChargePointErrorCode.NoError);
    }

    @SideBySide
    void stationFaultOnConnectorOne() {
        boot(Quirk.STATION_FAULT_ON_CONNECTOR_ONE);
        long mark = bench.mark();
        cp.injectFault(0, ChargePointErrorCode.HighTemperature, null);
        cp.clearFault(0);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Faulted", "StatusNotification 1 Available");
    }

    /** TC_050_1_CS: a fault of the whole station is one of the station itself too. */
    @SideBySide
    void stationWideFaultOnConnectorOne() {
        boot(Quirk.STATION_FAULT_ON_CONNECTOR_ONE);
        long mark = bench.mark();
        cp.injectStationFault(ChargePointErrorCode.OtherError, null);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).contains("StatusNotification 1 Faulted", "StatusNotification 2 Faulted")
                .doesNotContain("StatusNotification 0 Faulted");
    }

    // ---- case 11

    @SideBySide
    void wrongStatusAfterUnplug() {
        boot(Quirk.WRONG_STATUS_AFTER_UNPLUG);
        long mark = bench.mark();
        cp.plugIn(1);
        cp.unplug(1);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Preparing", "Heartbeat");
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Preparing);
        cp.plugIn(2);
        cp.presentCard(2, "GOOD-2");
        long stop = bench.mark();
        cp.unplug(2);
        assertThat(bench.trail(CP, stop)).containsExactly("StopTransaction", "StatusNotification 2 Finishing");
        long repaired = bench.mark();
        cp.clearFault(2);
        assertThat(bench.trail(CP, repaired)).as("until normal operation is restored").containsExactly(
                "StatusNotification 2 Available");
    }

    @SideBySide
    void connectionTimeoutIgnored() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).quirk(Quirk.CONNECTION_TIMEOUT_IGNORED).configure("ConnectionTimeOut", "1"));
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).containsExactly("Authorize", "StatusNotification 1 Preparing");
        Bench.nothingFor(PAST_ONE_SECOND, () -> bench.trail(CP, mark).size() == 2);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Preparing);
    }

    // ---- case 12

    @SideBySide
    void firmwareNeverInstalled() {
        boot(Quirk.FIRMWARE_NEVER_INSTALLED);
        long mark = updateFirmware();
        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).contains(FirmwareStatus.Installing));
        Bench.nothingFor(PAST_INSTALL_AND_REBOOT, () -> bench.firmwareStatuses(CP, mark).size() == 3
                && !bench.hasCall(CP, Action.BootNotification, mark));
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
                FirmwareStatus.Installing);
    }

    @SideBySide
    void firmwareNoReboot() {
        boot(Quirk.FIRMWARE_NO_REBOOT);
        long mark = updateFirmware();
        Bench.await().until(() -> bench.firmwareStatuses(CP, mark).contains(FirmwareStatus.Installed));
        Bench.nothingFor(PAST_INSTALL_AND_REBOOT, () -> !bench.hasCall(CP, Action.BootNotification, mark));
        assertThat(cp.firmwareVersion()).isEqualTo("1.0.0");
    }

    @SideBySide
    void firmwareNotDownloaded() {
        boot(Quirk.FIRMWARE_NOT_DOWNLOADED);
        long mark = bench.mark();
        // nothing listens there: a station that really fetched would report DownloadFailed
        bench.call(CP, new UpdateFirmwareRequest("ftp://127.0.0.1:1/firmware/cc-sim-9.bin", null, Instant.now(), null));
        BootNotificationRequest boot = bench.awaitSent(CP, BootNotificationRequest.class, mark);
        assertThat(bench.firmwareStatuses(CP, mark)).containsExactly(FirmwareStatus.Downloading, FirmwareStatus.Downloaded,
                FirmwareStatus.Installing, FirmwareStatus.Installed);
        assertThat(boot.firmwareVersion()).as("the same version as before").isEqualTo("1.0.0");
    }

    // ---- case 13

    @SideBySide
    void diagnosticsNeverUploaded() {
        boot(Quirk.DIAGNOSTICS_NEVER_UPLOADED);
        long mark = bench.mark();
        String fileName = bench.call(CP, new GetDiagnosticsRequest(bench.ftp().uploadLocation().toString(), null, null,
                null, null)).fileName();
        assertThat(fileName).isNotBlank();
        Bench.await().until(() -> bench.diagnosticsStatuses(CP, mark).contains(DiagnosticsStatus.Uploading));
        Bench.nothingFor(PAST_INSTALL_AND_REBOOT, () -> bench.diagnosticsStatuses(CP, mark).size() == 1
                && bench.ftp().uploadedFileNames().isEmpty());
    }

    @SideBySide
    void diagnosticsNoFileName() {
        boot(Quirk.DIAGNOSTICS_NO_FILE_NAME);
        long mark = bench.mark();
        assertThat(bench.call(CP, new GetDiagnosticsRequest(bench.ftp().uploadLocation().toString(), null, null,
                null, null)).fileName()).isNull();
        Bench.await().until(() -> bench.diagnosticsStatuses(CP, mark).contains(DiagnosticsStatus.Uploaded));
        String uploaded = bench.ftp().uploadedFileNames().get(0);
        assertThat(new String(bench.ftp().uploaded(uploaded).orElseThrow(), StandardCharsets.UTF_8)).contains("CP-Q");
    }

    // ---- case 14

    @SideBySide
    void loseQueuedStopTransaction() {
        charging(Quirk.LOSE_QUEUED_STOP_TRANSACTION);
        cp.loseNetwork();
        cp.unplug(1);
        assertThat(cp.queuedTransactionMessages()).isZero();
        long mark = bench.mark();
        cp.regainNetwork();
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Available", "Heartbeat");
    }

    @SideBySide
    void offlineWrongTransactionId() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).quirk(Quirk.OFFLINE_WRONG_TRANSACTION_ID)
                .configure("AllowOfflineTxForUnknownId", "true"));
        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "GOOD-1");
        cp.unplug(1);
        long mark = bench.mark();
        cp.regainNetwork();
        StopTransactionRequest stop = bench.awaitSent(CP, StopTransactionRequest.class, mark);
        int assigned = cp.queuedTransactionMessages() == 0 ? assignedTransactionId(mark) : -1;
        assertThat(assigned).isPositive();
        assertThat(stop.transactionId()).as("the local placeholder").isNegative();
        assertThat(bench.awaitSent(CP, MeterValuesRequest.class, mark).transactionId()).isNegative();
    }

    @SideBySide
    void offlineNotReplayed() {
        charging(Quirk.OFFLINE_NOT_REPLAYED);
        cp.loseNetwork();
        cp.unplug(1);
        assertThat(cp.queuedTransactionMessages()).isEqualTo(1);
        long mark = bench.mark();
        cp.regainNetwork();
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Available", "Heartbeat");
        assertThat(cp.queuedTransactionMessages()).isZero();
    }

    @SideBySide
    void replayOutOfOrderLate() {
        charging(Quirk.REPLAY_OUT_OF_ORDER_LATE);
        cp.loseNetwork();
        cp.presentCard(1, "GOOD-1");
        assertThat(cp.queuedTransactionMessages()).as("the last reading and the stop").isEqualTo(2);
        long mark = bench.mark();

        cp.regainNetwork();

        StopTransactionRequest stop = bench.awaitSent(CP, StopTransactionRequest.class, mark);
        Bench.await().atMost(Duration.ofSeconds(Quirk.LATE_REPLAY_SECONDS + 5))
                .until(() -> !bench.sent(CP, MeterValuesRequest.class, mark).isEmpty());
        List<JournalEntry> entries = bench.cs.journal().since(mark);
        JournalEntry stopEntry = entries.stream().filter(e -> e.isCallFromStation(Action.StopTransaction)).findFirst().orElseThrow();
        JournalEntry late = entries.stream().filter(e -> e.isCallFromStation(Action.MeterValues)).findFirst().orElseThrow();
        assertThat(late.seq()).as("after the stop").isGreaterThan(stopEntry.seq());
        assertThat(Duration.between(stopEntry.time(), late.time())).isGreaterThanOrEqualTo(Duration.ofSeconds(Quirk.LATE_REPLAY_SECONDS));
        MeterValuesRequest reading = late.message(MeterValuesRequest.class).orElseThrow();
        assertThat(reading.meterValue().get(0).timestamp()).as("though taken before it").isBefore(stop.timestamp());
        assertThat(reading.transactionId()).isEqualTo(stop.transactionId());
        // the reading leaves the queue when its answer comes, a moment after the journal has it
        Bench.await().untilAsserted(() -> assertThat(cp.queuedTransactionMessages()).isZero());
    }

    @SideBySide
    void heartbeatsStopAfterReconnect() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        cp = bench.boot(bench.config(CP).quirk(Quirk.HEARTBEATS_STOP_AFTER_RECONNECT));
        Bench.await().until(() -> !bench.sent(CP, HeartbeatRequest.class, 0).isEmpty());
        cp.loseNetwork();
        cp.regainNetwork();
        long mark = bench.mark();
        Bench.nothingFor(PAST_ONE_SECOND, () -> bench.sent(CP, HeartbeatRequest.class, mark).isEmpty());

        bench.call(CP, new ResetRequest(ResetType.Hard));
        long booted = bench.mark();
        Bench.await().until(() -> !bench.sent(CP, HeartbeatRequest.class, booted).isEmpty());
    }

    // ---- case 15

    @SideBySide
    void ignoreClearCache() {
        boot(Quirk.IGNORE_CLEAR_CACHE);
        assertThat(bench.call(CP, new ClearCacheRequest()).status()).isEqualTo(ClearCacheStatus.Rejected);
    }

    // ---- case 16

    @SideBySide
    void triggerMessageNotImplemented() {
        boot(Quirk.TRIGGER_MESSAGE_NOT_IMPLEMENTED);
        for (MessageTrigger message : MessageTrigger.values()) {
            assertThat(trigger(message)).as(message.name()).isEqualTo(TriggerMessageStatus.NotImplemented);
        }
    }

    @SideBySide
    void triggerAcceptedNothingSent() {
        boot(Quirk.TRIGGER_ACCEPTED_NOTHING_SENT);
        long mark = bench.mark();
        assertThat(trigger(MessageTrigger.StatusNotification)).isEqualTo(TriggerMessageStatus.Accepted);
        assertThat(trigger(MessageTrigger.Heartbeat)).isEqualTo(TriggerMessageStatus.Accepted);
        cp.plugIn(1); // its StatusNotification queues behind anything the triggers set off
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Preparing");
    }

    // ---- helpers

    private void boot(Quirk quirk) {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).quirk(quirk));
    }

    private void charging(Quirk quirk) {
        boot(quirk);
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        Bench.await().until(() -> cp.transactionId(1).isPresent());
    }

    private ConfigurationStatus change(String key, String value) {
        return bench.call(CP, new ChangeConfigurationRequest(key, value)).status();
    }

    private TriggerMessageStatus trigger(MessageTrigger message) {
        return bench.call(CP, new TriggerMessageRequest(message, null)).status();
    }

    private void assertResetDoesNothing(ResetType type) {
        long mark = bench.mark();
        assertThat(bench.call(CP, new ResetRequest(type)).status()).isEqualTo(ResetStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
        assertThat(cp.isConnected()).isTrue();
    }

    private long updateFirmware() {
        long mark = bench.mark();
        String location = bench.ftp().serve("cc-sim-9.bin", "image".getBytes(StandardCharsets.UTF_8)).toString();
        bench.call(CP, new UpdateFirmwareRequest(location, null, Instant.now(), null));
        return mark;
    }



    private List<MeterValuesRequest> periodic(long mark) {
        return bench.sent(CP, MeterValuesRequest.class, mark).stream()
                .filter(m -> m.meterValue().get(0).sampledValue().get(0).context() == ReadingContext.SamplePeriodic)
                .toList();
    }

    private int assignedTransactionId(long mark) {
        return bench.cs.journal().since(mark).stream()
                .flatMap(entry -> entry.message(io.chargecheck.ocpp.message.Core.StartTransactionResponse.class).stream())
                .findFirst().orElseThrow().transactionId();
    }
}
