package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.GetDiagnosticsRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.UpdateFirmwareRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.GetLocalListVersionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each quirk of the OCA's plan does what it says, and only that (see {@link QuirksTest} for those
 * of the vendor script, and {@link Quirk#octtCases()} for the cases that should catch them).
 */
class OcttQuirksTest {

    private static final String CP = "CP-OQ";
    private static final Duration PAST_ONE_SECOND = Duration.ofMillis(1200);
    private static final IdTagInfo OK = new IdTagInfo(AuthorizationStatus.Accepted);

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    // ---- 2.1 cold boot

    @SideBySide
    void bootRetryIgnoresInterval() {
        bench = Bench.start(cs -> cs.heartbeatInterval(5).registrationStatus(RegistrationStatus.Rejected));
        cp = bench.add(new ChargePointSimulator(bench.config(CP).quirk(Quirk.BOOT_RETRY_IGNORES_INTERVAL).build()));
        long mark = bench.mark();
        cp.start();
        List<Instant> boots = Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .filter(e -> e.isCallFromStation(Action.BootNotification)).map(e -> e.time()).toList(), t -> t.size() >= 2);
        assertThat(Duration.between(boots.get(0), boots.get(1))).as("not the 5 s of the answer").isLessThan(Duration.ofSeconds(2));
    }

    @SideBySide
    void configurationRefusedWhilePending() {
        bench = Bench.start(cs -> cs.heartbeatInterval(5).registrationStatus(RegistrationStatus.Pending));
        cp = bench.add(new ChargePointSimulator(bench.config(CP).quirk(Quirk.CONFIGURATION_REFUSED_WHILE_PENDING).build()));
        cp.start();
        assertThat(cp.registrationStatus()).contains(RegistrationStatus.Pending);
        assertThat(bench.change(CP, "MeterValueSampleInterval", "7")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(bench.call(CP, new GetConfigurationRequest(List.of("MeterValueSampleInterval"))).configurationKey())
                .as("still answers GetConfiguration").hasSize(1);
    }

    // ---- 2.2, 2.3 start and stop

    @SideBySide
    void cableFirstStartIgnored() {
        boot(Quirk.CABLE_FIRST_START_IGNORED);
        cp.plugIn(1);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Authorize", "Heartbeat");
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Preparing);
    }

    @SideBySide
    void cardFirstStartIgnored() {
        boot(Quirk.CARD_FIRST_START_IGNORED);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        cp.plugIn(1);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Authorize", "StatusNotification 1 Preparing", "Heartbeat");
    }

    @SideBySide
    void anyCardStops() {
        charging(Quirk.ANY_CARD_STOPS);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-2");
        assertThat(bench.trail(CP, mark)).startsWith("Authorize", "StopTransaction");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).idTag()).isEqualTo("GOOD-2");
    }

    @SideBySide
    void parentIdTagIgnored() {
        boot(Quirk.PARENT_ID_TAG_IGNORED);
        bench.group("FLEET", "FLEET-1", "FLEET-2");
        cp.plugIn(1);
        cp.presentCard(1, "FLEET-1");
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        long mark = bench.mark();
        cp.presentCard(1, "FLEET-2");
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
    }

    @SideBySide
    void evDisconnectReportsAvailable() {
        charging(Quirk.EV_DISCONNECT_REPORTS_AVAILABLE);
        long mark = bench.mark();
        cp.unplugFromEv(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StopTransaction", "StatusNotification 1 Available");
    }

    @SideBySide
    void evSideDisconnectStopsAnyway() {
        charging(Quirk.EV_SIDE_DISCONNECT_STOPS_ANYWAY, c -> c.configure("StopTransactionOnEVSideDisconnect", "false"));
        long mark = bench.mark();
        cp.unplugFromEv(1);
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.EVDisconnected);
    }

    @SideBySide
    void unplugFromEvDoesNotStopEitherWithUnplugDoesNotStop() {
        charging(Quirk.UNPLUG_DOES_NOT_STOP);
        long mark = bench.mark();
        cp.unplugFromEv(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 SuspendedEV");
    }

    // ---- 2.4 cache

    @SideBySide
    void localPreAuthorizeIgnored() {
        boot(Quirk.LOCAL_PRE_AUTHORIZE_IGNORED, c -> c.configure("LocalPreAuthorize", "true"));
        cp.presentCard(2, "GOOD-1");
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).as("cached, asked all the same").containsExactly("Authorize",
                "StatusNotification 1 Preparing");
    }

    @SideBySide
    void clearCacheIneffective() {
        boot(Quirk.CLEAR_CACHE_INEFFECTIVE, c -> c.configure("LocalPreAuthorize", "true"));
        cp.presentCard(1, "GOOD-1");
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.call(CP, new ClearCacheRequest()).status()).isEqualTo(ClearCacheStatus.Accepted);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).as("still served from the cache").containsExactly("StatusNotification 1 Preparing");
    }

    // ---- 2.5 remote actions

    @SideBySide
    void remoteStartWithoutPreparing() {
        boot(Quirk.REMOTE_START_WITHOUT_PREPARING);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null)).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
        cp.plugIn(1);
        bench.awaitSent(CP, StartTransactionRequest.class, mark);
    }

    @SideBySide
    void remoteStopReasonLocal() {
        charging(Quirk.REMOTE_STOP_REASON_LOCAL);
        long mark = bench.mark();
        bench.call(CP, new RemoteStopTransactionRequest(cp.transactionId(1).orElseThrow()));
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.Local);
    }

    // ---- 2.6 reset

    @SideBySide
    void availabilityLostOnReboot() {
        boot(Quirk.AVAILABILITY_LOST_ON_REBOOT);
        long before = bench.mark();
        bench.call(CP, new ChangeAvailabilityRequest(1, AvailabilityType.Inoperative));
        bench.awaitTrail(CP, before, "StatusNotification 1 Unavailable");
        long mark = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        bench.awaitTrail(CP, mark, "BootNotification", "StatusNotification 0 Available", "StatusNotification 1 Available",
                "StatusNotification 2 Available");
    }

    @SideBySide
    void resetStopReasonOther() {
        charging(Quirk.RESET_STOP_REASON_OTHER);
        long mark = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.Other);
    }

    // ---- 2.7, 2.12 unlock

    @SideBySide
    void unlockFails() {
        boot(Quirk.UNLOCK_FAILS);
        assertThat(unlock(1)).isEqualTo(UnlockStatus.UnlockFailed);
        assertThat(unlock(1)).isEqualTo(UnlockStatus.UnlockFailed);
    }

    @SideBySide
    void fixedCableUnlocks() {
        charging(Quirk.FIXED_CABLE_UNLOCKS, c -> c.fixedCable(true));
        long mark = bench.mark();
        assertThat(unlock(1)).isEqualTo(UnlockStatus.Unlocked);
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.UnlockCommand);
    }

    @SideBySide
    void unlockKeepsTransaction() {
        charging(Quirk.UNLOCK_KEEPS_TRANSACTION);
        long mark = bench.mark();
        assertThat(unlock(1)).isEqualTo(UnlockStatus.Unlocked);
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, mark)).isFalse();
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Charging);
    }

    @SideBySide
    void unlockFailureHidden() {
        boot(Quirk.UNLOCK_FAILURE_HIDDEN);
        cp.failNextUnlock(1);
        assertThat(unlock(1)).isEqualTo(UnlockStatus.Unlocked);
    }

    @SideBySide
    void unlockUnknownConnectorUnlocked() {
        boot(Quirk.UNLOCK_UNKNOWN_CONNECTOR_UNLOCKED);
        assertThat(unlock(9)).isEqualTo(UnlockStatus.Unlocked);
    }

    // ---- 2.8, 2.15 configuration

    @SideBySide
    void configurationKeyListTruncated() {
        boot(Quirk.CONFIGURATION_KEY_LIST_TRUNCATED);
        GetConfigurationResponse answer = bench.call(CP, new GetConfigurationRequest(List.of("HeartbeatInterval",
                "ConnectionTimeOut", "MeterValueSampleInterval", "NumberOfConnectors", "ResetRetries", "LocalPreAuthorize")));
        assertThat(answer.configurationKey()).hasSize(Quirk.TRUNCATED_KEY_LIST);
        assertThat(answer.unknownKey()).isNull();
    }

    @SideBySide
    void changedValueNotStored() {
        boot(Quirk.CHANGED_VALUE_NOT_STORED);
        assertThat(bench.change(CP, "MeterValueSampleInterval", "15")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(cp.configuration("MeterValueSampleInterval")).contains("60");
    }

    @SideBySide
    void unknownKeyRejected() {
        boot(Quirk.UNKNOWN_KEY_REJECTED);
        assertThat(bench.change(CP, "Testing", "true")).isEqualTo(ConfigurationStatus.Rejected);
    }

    @SideBySide
    void invalidValueAccepted() {
        boot(Quirk.INVALID_VALUE_ACCEPTED);
        assertThat(bench.change(CP, "MeterValueSampleInterval", "-1")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(cp.configuration("MeterValueSampleInterval")).contains("60");
        assertThat(bench.change(CP, "NumberOfConnectors", "5")).as("read-only stays Rejected").isEqualTo(ConfigurationStatus.Rejected);
    }

    // ---- 2.9 meter values

    @SideBySide
    void meterValuesNotClockAligned() {
        charging(Quirk.METER_VALUES_NOT_CLOCK_ALIGNED, c -> c.configure("MeterValueSampleInterval", "0"));
        long mark = bench.mark();
        bench.change(CP, "ClockAlignedDataInterval", "2");
        List<MeterValuesRequest> readings = Bench.await().until(() -> bench.meterValues(CP, mark, ReadingContext.SampleClock)
                .stream().filter(m -> m.connectorId() == 1).toList(), list -> list.size() >= 2);
        // a quarter interval or more off the clock's 2 s boundaries, whenever the key was set
        assertThat(readings).allSatisfy(m -> assertThat(m.meterValue().get(0).timestamp().toEpochMilli() % 2000)
                .isBetween(500L, 1500L));
    }

    @Test
    void unalignedReadingsKeepClearOfTheClocksBoundaries() {
        Instant midnight = Instant.parse("2024-04-26T00:00:00Z");
        assertThat(Metering.offBoundary(midnight.plusMillis(10_100), 2)).isEqualTo(midnight.plusMillis(11_100));
        assertThat(Metering.offBoundary(midnight.plusMillis(11_900), 2)).isEqualTo(midnight.plusMillis(12_900));
        assertThat(Metering.offBoundary(midnight.plusMillis(10_700), 2)).isEqualTo(midnight.plusMillis(10_700));
    }

    // ---- 2.10, 2.11, 2.16 non-happy flows

    @SideBySide
    void lockFailureNotReported() {
        boot(Quirk.LOCK_FAILURE_NOT_REPORTED);
        long mark = bench.mark();
        bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null));
        cp.plugInHalfway(1);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Preparing", "Heartbeat");
    }

    @SideBySide
    void remoteStartOnBusyConnectorAccepted() {
        charging(Quirk.REMOTE_START_ON_BUSY_CONNECTOR_ACCEPTED);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-2", null)).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
    }

    @SideBySide
    void remoteStartConnectorZeroAccepted() {
        boot(Quirk.REMOTE_START_CONNECTOR_ZERO_ACCEPTED);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(0, "GOOD-1", null)).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        bench.awaitTrail(CP, mark, "StatusNotification 1 Preparing");
    }

    @SideBySide
    void remoteStopUnknownAccepted() {
        boot(Quirk.REMOTE_STOP_UNKNOWN_ACCEPTED);
        assertThat(bench.call(CP, new RemoteStopTransactionRequest(4711)).status()).isEqualTo(RemoteStartStopStatus.Accepted);
    }

    @SideBySide
    void startsWhileFaulted() {
        boot(Quirk.STARTS_WHILE_FAULTED);
        cp.injectFault(1, ChargePointErrorCode.GroundFailure, null);
        cp.plugIn(1);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        bench.awaitSent(CP, StartTransactionRequest.class, mark);
    }

    // ---- 2.13 power failure

    @SideBySide
    void backupPowerUnused() {
        charging(Quirk.BACKUP_POWER_UNUSED, c -> c.backupPower(true));
        long mark = bench.mark();
        cp.powerCycle();
        bench.awaitSent(CP, StopTransactionRequest.class, mark);
        assertThat(bench.trail(CP, mark)).startsWith("BootNotification", "StopTransaction");
    }

    @SideBySide
    void powerLossReasonOther() {
        charging(Quirk.POWER_LOSS_REASON_OTHER);
        long mark = bench.mark();
        cp.powerCycle();
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.Other);
    }

    // ---- 2.14 offline

    @SideBySide
    void offlineMeterValuesDropped() {
        charging(Quirk.OFFLINE_METER_VALUES_DROPPED, c -> c.configure("MeterValueSampleInterval", "1"));
        cp.loseNetwork();
        int inFlight = cp.queuedTransactionMessages(); // a sample on its way as the network went is kept, rightly
        Bench.nothingFor(PAST_ONE_SECOND, () -> cp.queuedTransactionMessages() == inFlight);
        cp.unplug(1);
        assertThat(cp.queuedTransactionMessages()).as("the StopTransaction is kept").isEqualTo(inFlight + 1);
    }

    @SideBySide
    void offlineStartRefused() {
        boot(Quirk.OFFLINE_START_REFUSED, c -> c.configure("AllowOfflineTxForUnknownId", "true"));
        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "GOOD-1");
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Preparing);
        assertThat(cp.queuedTransactionMessages()).isZero();
    }

    @SideBySide
    void startAnswerInvalidIgnored() {
        boot(Quirk.START_ANSWER_INVALID_IGNORED, c -> c.configure("AllowOfflineTxForUnknownId", "true"));
        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "STRANGER");
        long mark = bench.mark();
        cp.regainNetwork();
        Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .anyMatch(e -> e.message(StartTransactionResponse.class).isPresent()));
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, mark)).isFalse();
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Charging);
    }

    // ---- 2.17 local list

    @SideBySide
    void localListVersionWhenDisabled() {
        boot(Quirk.LOCAL_LIST_VERSION_WHEN_DISABLED, c -> c.configure("LocalAuthListEnabled", "false"));
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isZero();
    }

    @SideBySide
    void emptyLocalListVersionKept() {
        boot(Quirk.EMPTY_LOCAL_LIST_VERSION_KEPT);
        assertThat(send(1, UpdateType.Full, List.of())).isEqualTo(UpdateStatus.Accepted);
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isEqualTo(1);
    }

    @SideBySide
    void differentialUpdateRejected() {
        boot(Quirk.DIFFERENTIAL_UPDATE_REJECTED);
        assertThat(send(1, UpdateType.Full, List.of(new AuthorizationData("A", OK)))).isEqualTo(UpdateStatus.Accepted);
        assertThat(send(2, UpdateType.Differential, List.of(new AuthorizationData("B", OK)))).isEqualTo(UpdateStatus.Failed);
    }

    @SideBySide
    void localListAcceptedWithoutProfile() {
        boot(Quirk.LOCAL_LIST_ACCEPTED_WITHOUT_PROFILE, c -> c.supportedProfiles(EnumSet.of(Profile.Core)));
        assertThat(send(1, UpdateType.Full, List.of(new AuthorizationData("A", OK)))).isEqualTo(UpdateStatus.Accepted);
    }

    @SideBySide
    void localListVersionNotChecked() {
        boot(Quirk.LOCAL_LIST_VERSION_NOT_CHECKED);
        send(5, UpdateType.Full, List.of(new AuthorizationData("A", OK)));
        assertThat(send(4, UpdateType.Differential, List.of(new AuthorizationData("B", OK)))).isEqualTo(UpdateStatus.Accepted);
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isEqualTo(4);
    }

    @SideBySide
    void localListFailureHidden() {
        boot(Quirk.LOCAL_LIST_FAILURE_HIDDEN);
        cp.failLocalListStorage();
        assertThat(send(2, UpdateType.Full, List.of(new AuthorizationData("A", OK)))).isEqualTo(UpdateStatus.Accepted);
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).as("nothing stored").isZero();
    }

    // ---- 2.18, 2.19 firmware and diagnostics

    @SideBySide
    void downloadFailedNotReported() {
        boot(Quirk.DOWNLOAD_FAILED_NOT_REPORTED);
        long mark = bench.mark();
        bench.call(CP, new UpdateFirmwareRequest("ftp://127.0.0.1:1/firmware/cc-sim-6.bin", null, Instant.now(), null));
        Bench.await().until(() -> !bench.firmwareStatuses(CP, mark).isEmpty());
        Bench.nothingFor(Duration.ofMillis(800), () -> bench.firmwareStatuses(CP, mark).equals(List.of(FirmwareStatus.Downloading)));
    }

    @SideBySide
    void invalidFirmwareInstalled() {
        boot(Quirk.INVALID_FIRMWARE_INSTALLED);
        String location = bench.ftp().serve("cc-sim-7.bin", Firmware.INVALID_MARKER.getBytes(StandardCharsets.UTF_8)).toString();
        long mark = bench.mark();
        bench.call(CP, new UpdateFirmwareRequest(location, null, Instant.now(), null));
        assertThat(bench.awaitSent(CP, BootNotificationRequest.class, mark).firmwareVersion()).isEqualTo("cc-sim-7");
        assertThat(bench.firmwareStatuses(CP, mark)).contains(FirmwareStatus.Installed).doesNotContain(FirmwareStatus.InstallationFailed);
    }

    @SideBySide
    void uploadFailureReportedUploaded() {
        boot(Quirk.UPLOAD_FAILURE_REPORTED_UPLOADED);
        long mark = bench.mark();
        bench.call(CP, new GetDiagnosticsRequest("ftp://127.0.0.1:1/diagnostics/", null, null, null, null));
        Bench.await().until(() -> bench.diagnosticsStatuses(CP, mark).size() == 2);
        assertThat(bench.diagnosticsStatuses(CP, mark)).containsExactly(DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded);
    }

    // ---- 2.20 reservation

    @SideBySide
    void reservationIgnoresIdTag() {
        boot(Quirk.RESERVATION_IGNORES_ID_TAG);
        reserve(1, "GOOD-1", null, 1);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-2");
        cp.plugIn(1);
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, mark).idTag()).isEqualTo("GOOD-2");
    }

    @SideBySide
    void reservationIdNotSent() {
        boot(Quirk.RESERVATION_ID_NOT_SENT);
        reserve(1, "GOOD-1", null, 2);
        long mark = bench.mark();
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, mark).reservationId()).isNull();
    }

    @SideBySide
    void reservationNeverExpires() {
        boot(Quirk.RESERVATION_NEVER_EXPIRES);
        assertThat(bench.call(CP, new ReserveNowRequest(1, Instant.now().plusMillis(500), "GOOD-1", null, 3)).status())
                .isEqualTo(ReservationStatus.Accepted);
        Bench.nothingFor(Duration.ofMillis(900), () -> cp.status(1) == ChargePointStatus.Reserved);
    }

    @SideBySide
    void reservationStatusAlwaysAccepted() {
        boot(Quirk.RESERVATION_STATUS_ALWAYS_ACCEPTED);
        cp.injectFault(1, ChargePointErrorCode.GroundFailure, null);
        assertThat(reserve(1, "GOOD-1", null, 4)).isEqualTo(ReservationStatus.Accepted);
    }

    @SideBySide
    void reservationAcceptedWithoutProfile() {
        boot(Quirk.RESERVATION_ACCEPTED_WITHOUT_PROFILE, c -> c.supportedProfiles(EnumSet.of(Profile.Core)));
        assertThat(reserve(1, "GOOD-1", null, 5)).isEqualTo(ReservationStatus.Accepted);
    }

    @SideBySide
    void cancelReservationKeepsIt() {
        boot(Quirk.CANCEL_RESERVATION_KEEPS_IT);
        reserve(1, "GOOD-1", null, 6);
        assertThat(bench.call(CP, new CancelReservationRequest(6)).status()).isEqualTo(CancelReservationStatus.Accepted);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Reserved);
    }

    @SideBySide
    void cancelUnknownReservationAccepted() {
        boot(Quirk.CANCEL_UNKNOWN_RESERVATION_ACCEPTED);
        assertThat(bench.call(CP, new CancelReservationRequest(99)).status()).isEqualTo(CancelReservationStatus.Accepted);
    }

    @SideBySide
    void reservationParentIdIgnored() {
        boot(Quirk.RESERVATION_PARENT_ID_IGNORED);
        bench.group("FLEET", "FLEET-1", "FLEET-2");
        long reserved = bench.mark();
        reserve(1, "FLEET-1", "FLEET", 7);
        bench.awaitTrail(CP, reserved, "StatusNotification 1 Reserved");
        long mark = bench.mark();
        cp.presentCard(1, "FLEET-2");
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("Heartbeat");
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Reserved);
    }

    // ---- 2.21, 2.23 trigger and data transfer

    @SideBySide
    void triggerUnknownConnectorAccepted() {
        boot(Quirk.TRIGGER_UNKNOWN_CONNECTOR_ACCEPTED);
        long mark = bench.mark();
        assertThat(bench.call(CP, new TriggerMessageRequest(MessageTrigger.MeterValues, 3)).status())
                .isEqualTo(TriggerMessageStatus.Accepted);
        Bench.await().until(() -> bench.sent(CP, MeterValuesRequest.class, mark).size() == 2);
    }

    @SideBySide
    void dataTransferCallError() {
        boot(Quirk.DATA_TRANSFER_CALL_ERROR);
        assertThatThrownBy(() -> bench.call(CP, new DataTransferRequest("SomeoneElse", null, "x")))
                .isInstanceOfSatisfying(CallFailure.class, failure ->
                        assertThat(failure.callError().orElseThrow().code()).isEqualTo(ErrorCode.NotImplemented));
    }

    // ---- helpers

    private void boot(Quirk quirk) {
        boot(quirk, c -> c);
    }

    private void boot(Quirk quirk, UnaryOperator<SimulatorConfig.Builder> config) {
        bench = Bench.start();
        cp = bench.boot(config.apply(bench.config(CP).quirk(quirk)));
    }

    private void charging(Quirk quirk) {
        charging(quirk, c -> c);
    }

    private void charging(Quirk quirk, UnaryOperator<SimulatorConfig.Builder> config) {
        boot(quirk, config);
        Bench.charging(cp);
    }

    private UnlockStatus unlock(int connector) {
        return bench.call(CP, new UnlockConnectorRequest(connector)).status();
    }

    private UpdateStatus send(int version, UpdateType type, List<AuthorizationData> entries) {
        return bench.call(CP, new SendLocalListRequest(version, entries, type)).status();
    }

    private ReservationStatus reserve(int connector, String idTag, String parentIdTag, int reservationId) {
        return bench.call(CP, new ReserveNowRequest(connector, Instant.now().plusSeconds(60), idTag, parentIdTag,
                reservationId)).status();
    }
}
