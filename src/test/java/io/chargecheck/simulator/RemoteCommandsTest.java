package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.DataTransferStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Every command a central system sends, answered as a real OCPP 1.6 charger answers it. */
class RemoteCommandsTest {

    private static final String CP = "CP-CMD";
    /** Soft resets in a row: without the fix an answer was lost within this many in each of five runs. */
    private static final int SOFT_RESETS = 100;
    private static final int HARD_RESETS = 20;

    private Bench bench;
    private ChargePointSimulator cp;

    @BeforeEach
    void boot() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP));
    }

    @AfterEach
    void close() {
        bench.close();
    }

    @SideBySide
    void getConfigurationListsEveryKeyAndNamesTheUnknownOnes() {
        GetConfigurationResponse all = bench.call(CP, new GetConfigurationRequest(null));
        assertThat(all.configurationKey()).hasSizeGreaterThanOrEqualTo(36);
        assertThat(all.configurationKey()).extracting(KeyValue::key).contains("HeartbeatInterval", "ConnectionTimeOut",
                "MeterValuesSampledData", "SupportedFeatureProfiles", "LocalAuthListEnabled", "ReserveConnectorZeroSupported");
        assertThat(all.configurationKey()).filteredOn(kv -> kv.key().equals("NumberOfConnectors"))
                .extracting(KeyValue::readonly, KeyValue::value).containsExactly(tuple(true, "2"));
        assertThat(all.unknownKey()).isNull();

        GetConfigurationResponse some = bench.call(CP, new GetConfigurationRequest(List.of("HeartbeatInterval", "NoSuchKey")));
        assertThat(some.configurationKey()).extracting(KeyValue::key, KeyValue::value).containsExactly(tuple("HeartbeatInterval", "300"));
        assertThat(some.unknownKey()).containsExactly("NoSuchKey");
    }

    @SideBySide
    void changeConfigurationAcceptsEveryWritableKeyRejectsReadOnlyAndBadValues() {
        for (KeyValue key : bench.call(CP, new GetConfigurationRequest(null)).configurationKey()) {
            ConfigurationStatus status = bench.call(CP, new ChangeConfigurationRequest(key.key(), key.value())).status();
            assertThat(status).as(key.key()).isEqualTo(key.readonly() ? ConfigurationStatus.Rejected : ConfigurationStatus.Accepted);
        }
        assertThat(change("HeartbeatInterval", "often")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("HeartbeatInterval", "-5")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("LocalAuthorizeOffline", "maybe")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("MeterValuesSampledData", "Energy.Active.Import.Register,SoC")).as("SoC is not measured here")
                .isEqualTo(ConfigurationStatus.Rejected);
        assertThat(change("NoSuchKey", "1")).isEqualTo(ConfigurationStatus.NotSupported);
        assertThat(change("WebSocketPingInterval", "30")).isEqualTo(ConfigurationStatus.RebootRequired);
        assertThat(change("MeterValueSampleInterval", "15")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(cp.configuration("MeterValueSampleInterval")).contains("15");
    }

    @SideBySide
    void aNewHeartbeatIntervalChangesTheCadence() {
        assertThat(cp.configuration("HeartbeatInterval")).as("from the boot answer").contains("300");
        long mark = bench.mark();
        Instant asked = Instant.now();
        assertThat(change("HeartbeatInterval", "2")).isEqualTo(ConfigurationStatus.Accepted);
        Instant answered = Instant.now();

        bench.awaitSent(CP, HeartbeatRequest.class, mark);

        // the new cadence starts when the station takes the change, between the question and the answer
        Instant beat = Instant.now();
        assertThat(Duration.between(asked, beat)).isGreaterThanOrEqualTo(Duration.ofMillis(1800));
        assertThat(Duration.between(answered, beat)).isLessThan(Duration.ofMillis(3000));
    }

    @SideBySide
    void changeAvailabilityOfAConnectorAndOfTheStationIsReportedAndScheduledDuringATransaction() {
        long mark = bench.mark();
        assertThat(availability(1, AvailabilityType.Inoperative)).isEqualTo(AvailabilityStatus.Accepted);
        assertThat(availability(1, AvailabilityType.Operative)).isEqualTo(AvailabilityStatus.Accepted);
        assertThat(availability(0, AvailabilityType.Inoperative)).isEqualTo(AvailabilityStatus.Accepted);
        assertThat(availability(0, AvailabilityType.Operative)).isEqualTo(AvailabilityStatus.Accepted);
        assertThat(availability(3, AvailabilityType.Operative)).isEqualTo(AvailabilityStatus.Rejected);
        bench.awaitTrail(CP, mark, "StatusNotification 1 Unavailable", "StatusNotification 1 Available",
                "StatusNotification 0 Unavailable", "StatusNotification 1 Unavailable", "StatusNotification 2 Unavailable",
                "StatusNotification 0 Available", "StatusNotification 1 Available", "StatusNotification 2 Available");

        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        assertThat(availability(1, AvailabilityType.Inoperative)).isEqualTo(AvailabilityStatus.Scheduled);
        long stopMark = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, stopMark)).containsExactly("StopTransaction", "StatusNotification 1 Unavailable");

        long resetMark = bench.mark();
        assertThat(bench.call(CP, new ResetRequest(ResetType.Hard)).status()).isEqualTo(ResetStatus.Accepted);
        bench.awaitTrail(CP, resetMark, "BootNotification",
                "StatusNotification 0 Available", "StatusNotification 1 Unavailable", "StatusNotification 2 Available");
    }

    @SideBySide
    void hardResetRebootsAtOnceAndSendsTheStopOfTheInterruptedTransactionAfterTheBoot() {
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        long mark = bench.mark();

        assertThat(bench.call(CP, new ResetRequest(ResetType.Hard)).status()).isEqualTo(ResetStatus.Accepted);

        bench.awaitTrail(CP, mark, "BootNotification", "StopTransaction",
                "StatusNotification 0 Available", "StatusNotification 1 Preparing", "StatusNotification 2 Available");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.HardReset);
        assertThat(disconnections(mark)).hasSize(1);
    }

    @SideBySide
    void softResetStopsTheTransactionFirstThenClosesAndBoots() {
        cp.plugIn(1);
        cp.presentCard(1, "GOOD-1");
        long mark = bench.mark();

        assertThat(bench.call(CP, new ResetRequest(ResetType.Soft)).status()).isEqualTo(ResetStatus.Accepted);

        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2 && s.status() == ChargePointStatus.Available);
        assertThat(bench.trail(CP, mark)).containsSubsequence("StopTransaction", "BootNotification",
                "StatusNotification 0 Available", "StatusNotification 1 Preparing", "StatusNotification 2 Available");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.SoftReset);
        assertThat(disconnections(mark)).singleElement().asString().contains("normal closure");
    }

    /**
     * With no transaction to stop first, a soft reset used to go down in the instant of its answer,
     * and now and then the central system saw the connection drop without it (as the hard reset did
     * before it waited a moment): the answer comes first, every time.
     */
    @SideBySide
    void softResetWithoutTransactionIsAnsweredBeforeTheStationGoesDown() {
        resetsInARowEachEndWithEveryConnectorReported(CP + "-QUICK", ResetType.Soft, SOFT_RESETS);
    }

    /** After every hard reset, every connector reports again (once, connector 0 alone was seen). */
    @SideBySide
    void hardResetsInARowEachEndWithEveryConnectorReported() {
        resetsInARowEachEndWithEveryConnectorReported(CP + "-HARD", ResetType.Hard, HARD_RESETS);
    }

    /** Each reset answered Accepted, then a boot and every connector Available, before the next. */
    private void resetsInARowEachEndWithEveryConnectorReported(String station, ResetType type, int resets) {
        bench.boot(bench.config(station).rebootTime(Duration.ofMillis(10)));
        for (int reset = 1; reset <= resets; reset++) {
            long mark = bench.mark();
            assertThat(bench.call(station, new ResetRequest(type)).status()).as("reset " + reset)
                    .isEqualTo(ResetStatus.Accepted);
            bench.awaitTrail(station, mark, "BootNotification", "StatusNotification 0 Available",
                    "StatusNotification 1 Available", "StatusNotification 2 Available");
        }
    }

    @SideBySide
    void triggerMessageAnswersFirstThenSendsEachTriggerableMessage() {
        long mark = bench.mark();
        for (MessageTrigger message : MessageTrigger.values()) {
            assertThat(trigger(message, null)).as(message.name()).isEqualTo(TriggerMessageStatus.Accepted);
        }
        assertThat(trigger(MessageTrigger.StatusNotification, 2)).isEqualTo(TriggerMessageStatus.Accepted);
        assertThat(trigger(MessageTrigger.StatusNotification, 7)).isEqualTo(TriggerMessageStatus.Rejected);
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2 && bench.sent(CP,
                StatusNotificationRequest.class, mark).size() == 4);

        assertThat(bench.trail(CP, mark)).containsSubsequence("BootNotification", "DiagnosticsStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues", "MeterValues", "StatusNotification 0 Available",
                "StatusNotification 1 Available", "StatusNotification 2 Available", "StatusNotification 2 Available");
        assertThat(bench.awaitSent(CP, FirmwareStatusNotificationRequest.class, mark).status()).isEqualTo(FirmwareStatus.Idle);
        assertThat(bench.awaitSent(CP, DiagnosticsStatusNotificationRequest.class, mark).status()).isEqualTo(DiagnosticsStatus.Idle);
        assertThat(bench.sent(CP, MeterValuesRequest.class, mark)).allSatisfy(values -> {
            assertThat(values.transactionId()).isNull();
            assertThat(values.meterValue().get(0).sampledValue().get(0).context()).isEqualTo(ReadingContext.Trigger);
        });
        // the answer is journalled before the message it sets off
        List<JournalEntry> entries = bench.cs.journal().since(mark);
        int answer = indexOf(entries, e -> e.frame() instanceof Frame.CallResult && e.action() == Action.TriggerMessage);
        int boot = indexOf(entries, e -> e.isCallFromStation(Action.BootNotification));
        assertThat(answer).isLessThan(boot);
    }

    @SideBySide
    void clearCacheForgetsTheCardsTheStationKnew() {
        assertThat(change("LocalPreAuthorize", "true")).isEqualTo(ConfigurationStatus.Accepted);
        cp.presentCard(1, "GOOD-1"); // Authorize: the answer goes into the cache
        long cached = bench.mark();
        cp.presentCard(2, "GOOD-1");
        assertThat(bench.trail(CP, cached)).as("known from the cache").containsExactly("StatusNotification 2 Preparing");
        availability(1, AvailabilityType.Inoperative); // drops the authorisation waiting at connector 1
        availability(1, AvailabilityType.Operative);

        assertThat(bench.call(CP, new ClearCacheRequest()).status()).isEqualTo(ClearCacheStatus.Accepted);

        long cleared = bench.mark();
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, cleared)).containsExactly("Authorize", "StatusNotification 1 Preparing");
    }

    @SideBySide
    void dataTransferKnowsItsOwnVendorOnly() {
        assertThat(bench.call(CP, new DataTransferRequest("SomeoneElse", null, "x")).status()).isEqualTo(DataTransferStatus.UnknownVendorId);
        assertThat(bench.call(CP, new DataTransferRequest("ChargeCheck", "Nope", "x")).status()).isEqualTo(DataTransferStatus.UnknownMessageId);
        var echo = bench.call(CP, new DataTransferRequest("ChargeCheck", "Echo", "hello"));
        assertThat(echo.status()).isEqualTo(DataTransferStatus.Accepted);
        assertThat(echo.data()).isEqualTo("hello");
    }

    @SideBySide
    void unlockConnectorEndsTheTransactionThere() {
        cp.plugIn(2);
        cp.presentCard(2, "GOOD-2");
        long mark = bench.mark();

        assertThat(bench.call(CP, new UnlockConnectorRequest(2)).status()).isEqualTo(UnlockStatus.Unlocked);

        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.UnlockCommand);
        assertThat(bench.call(CP, new UnlockConnectorRequest(9)).status()).isEqualTo(UnlockStatus.NotSupported);
    }

    @SideBySide
    void aReservationHoldsTheConnectorForItsCard() {
        Instant expiry = Instant.now().plusSeconds(60);
        long mark = bench.mark();
        assertThat(bench.call(CP, new ReserveNowRequest(1, expiry, "GOOD-2", null, 7)).status()).isEqualTo(ReservationStatus.Accepted);
        assertThat(bench.call(CP, new ReserveNowRequest(0, expiry, "GOOD-2", null, 8)).status()).isEqualTo(ReservationStatus.Rejected);
        assertThat(bench.call(CP, new CancelReservationRequest(99)).status()).isEqualTo(CancelReservationStatus.Rejected);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Reserved);

        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).as("another card is turned away").containsExactly("StatusNotification 1 Reserved");

        cp.plugIn(1);
        cp.presentCard(1, "GOOD-2");
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, mark).reservationId()).isEqualTo(7);

        assertThat(bench.call(CP, new ReserveNowRequest(1, expiry, "GOOD-1", null, 9)).status()).isEqualTo(ReservationStatus.Occupied);
        assertThat(bench.call(CP, new ReserveNowRequest(2, expiry, "GOOD-1", null, 10)).status()).isEqualTo(ReservationStatus.Accepted);
        assertThat(bench.call(CP, new CancelReservationRequest(10)).status()).isEqualTo(CancelReservationStatus.Accepted);
        assertThat(cp.status(2)).isEqualTo(ChargePointStatus.Available);
    }

    @SideBySide
    void theLocalListAuthorizesOffline() {
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isZero();
        assertThat(bench.call(CP, new SendLocalListRequest(3, List.of(new AuthorizationData("LOCAL-1",
                new IdTagInfo(AuthorizationStatus.Accepted))), UpdateType.Full)).status()).isEqualTo(UpdateStatus.Accepted);
        assertThat(bench.call(CP, new SendLocalListRequest(2, List.of(), UpdateType.Differential)).status())
                .isEqualTo(UpdateStatus.VersionMismatch);
        assertThat(bench.call(CP, new GetLocalListVersionRequest()).listVersion()).isEqualTo(3);

        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "LOCAL-1");
        cp.plugIn(2);
        cp.presentCard(2, "STRANGER");

        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Charging);
        assertThat(cp.status(2)).as("unknown offline, AllowOfflineTxForUnknownId is false").isEqualTo(ChargePointStatus.Preparing);
        assertThat(cp.queuedTransactionMessages()).isEqualTo(2); // StartTransaction and its Transaction.Begin sample
    }

    @SideBySide
    void unsupportedUnknownAndBrokenCallsGetTheRightCallError() {
        long mark = bench.mark();
        cp.receive("[2,\"x1\",\"Frobnicate\",{}]");
        cp.receive("[2,\"x2\",\"Reset\",{\"type\":\"Sideways\"}]");
        cp.receive("[2,\"x3\",\"Reset\",{}]");
        cp.receive("[2,\"x4\",\"BootNotification\",{}]");
        cp.receive("[2,\"x5\",\"Reset\",{\"type\":\"Hard\",\"when\":\"now\"}]");

        List<Frame.CallError> errors = Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && e.frame() instanceof Frame.CallError)
                .map(e -> (Frame.CallError) e.frame()).toList(), list -> list.size() == 5);
        assertThat(errors).extracting(Frame.CallError::messageId, Frame.CallError::code).containsExactly(
                tuple("x1", ErrorCode.NotImplemented),
                tuple("x2", ErrorCode.PropertyConstraintViolation),
                tuple("x3", ErrorCode.OccurenceConstraintViolation),
                tuple("x4", ErrorCode.NotSupported),
                tuple("x5", ErrorCode.FormationViolation));
        assertThat(cp.isConnected()).as("no reset happened").isTrue();
    }

    @SideBySide
    void thePendingBootOnlyAnswersUntilAccepted() {
        // covered in BootVariantsTest; here: a BootNotification triggered while accepted changes nothing else
        long mark = bench.mark();
        assertThat(trigger(MessageTrigger.BootNotification, null)).isEqualTo(TriggerMessageStatus.Accepted);
        bench.awaitSent(CP, BootNotificationRequest.class, mark);
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).containsExactly("BootNotification", "Heartbeat");
    }

    private ConfigurationStatus change(String key, String value) {
        return bench.call(CP, new ChangeConfigurationRequest(key, value)).status();
    }

    private AvailabilityStatus availability(int connector, AvailabilityType type) {
        return bench.call(CP, new ChangeAvailabilityRequest(connector, type)).status();
    }

    private TriggerMessageStatus trigger(MessageTrigger message, Integer connector) {
        return bench.call(CP, new TriggerMessageRequest(message, connector)).status();
    }

    private List<String> disconnections(long mark) {
        return bench.cs.journal().since(mark).stream().filter(e -> e.kind() == JournalEntry.Kind.DISCONNECTED)
                .map(JournalEntry::raw).toList();
    }

    private static int indexOf(List<JournalEntry> entries, java.util.function.Predicate<JournalEntry> wanted) {
        for (int i = 0; i < entries.size(); i++) {
            if (wanted.test(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
