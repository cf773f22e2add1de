package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * What the Core cases of the OCA's plan ask of a charger (OCTT 1.6, sections 2.1-2.16): each test
 * names the cases it serves. Against the embedded central system.
 */
class CoreCasesTest {

    private static final String CP = "CP-CORE";

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    /** TC_001, TC_002: the retry waits for the interval; while Pending the station answers and takes configuration. */
    @SideBySide
    void whilePendingItTakesConfigurationAndBootsAgainAfterTheInterval() {
        bench = Bench.start(cs -> cs.heartbeatInterval(1));
        AtomicReference<RegistrationStatus> answer = new AtomicReference<>(RegistrationStatus.Pending);
        bench.cs.responders().on(BootNotificationRequest.class,
                (id, boot) -> new BootNotificationResponse(answer.get(), Instant.now(), 1));
        cp = bench.add(new ChargePointSimulator(bench.config(CP).build()));
        long mark = bench.mark();
        cp.start();

        assertThat(bench.change(CP, "MeterValueSampleInterval", "7")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(bench.call(CP, new GetConfigurationRequest(null)).configurationKey()).isNotEmpty();
        List<Instant> boots = Bench.await().until(() -> bootTimes(mark), times -> times.size() >= 2);
        assertThat(Duration.between(boots.get(0), boots.get(1))).as("the Pending answer's interval")
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
        answer.set(RegistrationStatus.Accepted);
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
        assertThat(cp.configuration("MeterValueSampleInterval")).contains("7");
    }

    /** TC_017_1, TC_017_2, TC_018_2, TC_030, TC_031. */
    @SideBySide
    void unlockWithALooseCableAFixedOneABlockedLockAndNoSuchConnector() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP));
        assertThat(unlock(1)).isEqualTo(UnlockStatus.Unlocked);
        cp.failNextUnlock(1);
        assertThat(unlock(1)).isEqualTo(UnlockStatus.UnlockFailed);
        assertThat(unlock(1)).as("only the next one fails").isEqualTo(UnlockStatus.Unlocked);
        assertThat(unlock(3)).isEqualTo(UnlockStatus.NotSupported);

        ChargePointSimulator fixed = bench.boot(bench.config("CP-FIXED").fixedCable(true));
        assertThat(bench.call("CP-FIXED", new UnlockConnectorRequest(1)).status()).isEqualTo(UnlockStatus.NotSupported);
        fixed.plugIn(1);
        fixed.presentCard(1, "GOOD-1");
        assertThat(bench.call("CP-FIXED", new UnlockConnectorRequest(1)).status()).isEqualTo(UnlockStatus.NotSupported);
        bench.barrier("CP-FIXED");
        assertThat(fixed.status(1)).as("the transaction goes on").isEqualTo(ChargePointStatus.Charging);
    }

    /** TC_024: the cable goes in halfway after a remote start: Faulted ConnectorLockFailure, no transaction. */
    @SideBySide
    void aCableInsertedHalfwayIsALockFailure() {
        boot();
        long mark = bench.mark();
        bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null));
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.status() == ChargePointStatus.Preparing);

        cp.plugInHalfway(1);

        StatusNotificationRequest faulted = bench.awaitSent(CP, StatusNotificationRequest.class, mark,
                s -> s.status() == ChargePointStatus.Faulted);
        assertThat(faulted.errorCode()).isEqualTo(ChargePointErrorCode.ConnectorLockFailure);
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StartTransaction, mark)).isFalse();
        long unplug = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, unplug)).containsExactly("StatusNotification 1 Available");
    }

    /** TC_005_1 (and TC_005_2): pulled out of the EV, the transaction stops and the loose cable stays in the socket. */
    @SideBySide
    void theCablePulledOutOfTheEvStopsAndStaysFinishingUntilItLeavesTheSocket() {
        charging(c -> c);
        long mark = bench.mark();
        cp.unplugFromEv(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StopTransaction", "StatusNotification 1 Finishing");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.EVDisconnected);
        assertThat(unlock(1)).isEqualTo(UnlockStatus.Unlocked);

        long out = bench.mark();
        cp.unplug(1);
        assertThat(bench.trail(CP, out)).containsExactly("StatusNotification 1 Available");
    }

    /** TC_005_3: with StopTransactionOnEVSideDisconnect false the transaction is suspended, then stopped remotely. */
    @SideBySide
    void withoutStopOnEvSideDisconnectTheTransactionIsSuspendedEv() {
        charging(c -> c.configure("StopTransactionOnEVSideDisconnect", "false")
                .configure("UnlockConnectorOnEVSideDisconnect", "false"));
        long mark = bench.mark();
        cp.unplugFromEv(1);
        StatusNotificationRequest suspended = bench.awaitSent(CP, StatusNotificationRequest.class, mark);
        assertThat(suspended.status()).isEqualTo(ChargePointStatus.SuspendedEV);
        assertThat(suspended.info()).isEqualTo("EV side disconnected");

        long stop = bench.mark();
        bench.call(CP, new RemoteStopTransactionRequest(cp.transactionId(1).orElseThrow()));
        bench.awaitTrail(CP, stop, "StopTransaction", "StatusNotification 1 Finishing");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, stop).reason()).isEqualTo(Reason.Remote);
    }

    /** TC_005_3 with a fixed cable: hung up after the EV, so Available. */
    @SideBySide
    void aFixedCablePulledOutOfTheEvIsAvailable() {
        charging(c -> c.fixedCable(true));
        long mark = bench.mark();
        cp.unplugFromEv(1);
        assertThat(bench.trail(CP, mark)).containsExactly("StopTransaction", "StatusNotification 1 Available");
    }

    /** TC_068, TC_069: another card stops only when it is of the transaction's group; without a group it is not even asked about. */
    @SideBySide
    void anotherCardStopsTheTransactionOnlyWhenItIsOfTheSameGroup() {
        charging(c -> c);
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-2");
        bench.barrier(CP);
        assertThat(bench.trail(CP, mark)).as("the starting card has no group: nothing to ask").containsExactly("Heartbeat");
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).idTag()).isEqualTo("GOOD-1");
        cp.unplug(1);

        bench.group("FLEET", "FLEET-1", "FLEET-2");
        cp.plugIn(1);
        cp.presentCard(1, "FLEET-1");
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        long other = bench.mark();
        cp.presentCard(1, "STRANGER");
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, other)).as("not of the group").isFalse();
        cp.presentCard(1, "FLEET-2");
        StopTransactionRequest stop = bench.awaitSent(CP, StopTransactionRequest.class, other);
        assertThat(stop.idTag()).isEqualTo("FLEET-2");
        assertThat(stop.reason()).isEqualTo(Reason.Local);
        assertThat(bench.trail(CP, other)).contains("Authorize");
    }

    /** TC_061: the same card again while waiting for the cable withdraws the authorisation. */
    @SideBySide
    void theSameCardAgainWithdrawsTheAuthorisation() {
        boot();
        long mark = bench.mark();
        cp.presentCard(1, "GOOD-1");
        cp.presentCard(1, "GOOD-1");
        assertThat(bench.trail(CP, mark)).containsExactly("Authorize", "StatusNotification 1 Preparing",
                "StatusNotification 1 Available");
    }

    /** TC_023 and the catalogue's general rule: a status is reported once it has lasted MinimumStatusDuration. */
    @SideBySide
    void aStatusIsReportedOnceItLastedMinimumStatusDuration() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP));
        assertThat(bench.change(CP, "MinimumStatusDuration", "1")).isEqualTo(ConfigurationStatus.Accepted);
        long brief = bench.mark();
        cp.plugIn(2);
        cp.unplug(2);
        long mark = bench.mark();
        Instant plugged = Instant.now();
        cp.plugIn(1);
        assertThat(bench.trail(CP, mark)).as("not yet").isEmpty();
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.status() == ChargePointStatus.Preparing);
        assertThat(Duration.between(plugged, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(bench.sent(CP, StatusNotificationRequest.class, brief)).as("the brief Preparing of connector 2")
                .extracting(StatusNotificationRequest::connectorId).containsExactly(1);
    }

    /** TC_071: readings at the clock's whole intervals, Sample.Clock, MeterValuesAlignedData, and StopTxnAlignedData in the stop. */
    @SideBySide
    void clockAlignedMeterValues() {
        charging(c -> c.configure("MeterValueSampleInterval", "0")
                .configure("MeterValuesAlignedData", "Energy.Active.Import.Register,Voltage")
                .configure("StopTxnAlignedData", "Energy.Active.Import.Register"));
        long mark = bench.mark();
        assertThat(bench.change(CP, "ClockAlignedDataInterval", "1")).isEqualTo(ConfigurationStatus.Accepted);

        List<MeterValuesRequest> aligned = Bench.await().until(() -> bench.meterValues(CP, mark, ReadingContext.SampleClock)
                .stream().filter(m -> m.connectorId() == 1).toList(), list -> list.size() >= 2);
        Instant first = aligned.get(0).meterValue().get(0).timestamp();
        Instant second = aligned.get(1).meterValue().get(0).timestamp();
        assertThat(first.getNano()).as("at a whole second").isZero();
        assertThat(Duration.between(first, second)).isEqualTo(Duration.ofSeconds(1));
        assertThat(aligned.get(0).transactionId()).isEqualTo(cp.transactionId(1).orElseThrow());
        assertThat(aligned.get(0).meterValue().get(0).sampledValue()).extracting(SampledValue::measurand)
                .extracting(Enum::name).containsOnly("EnergyActiveImportRegister", "Voltage");

        long stop = bench.mark();
        cp.presentCard(1, "GOOD-1");
        List<MeterValue> data = bench.awaitSent(CP, StopTransactionRequest.class, stop).transactionData();
        assertThat(data).extracting(value -> value.sampledValue().get(0).context()).contains(ReadingContext.SampleClock,
                ReadingContext.TransactionBegin, ReadingContext.TransactionEnd);
    }

    /** TC_032_1: with backup power the transaction stops (PowerLoss) and Finishing is reported before the station goes down. */
    @SideBySide
    void withBackupPowerTheTransactionStopsBeforeTheStationGoesDown() {
        charging(c -> c.backupPower(true));
        long mark = bench.mark();
        cp.powerCycle();
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
        assertThat(bench.trail(CP, mark)).startsWith("StopTransaction", "StatusNotification 1 Finishing", "BootNotification");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.PowerLoss);
    }

    /** TC_032_1 with a station that reports Finishing late: on backup power it reports it before going down all the same. */
    @SideBySide
    void onBackupPowerALateFinishingIsReportedBeforeTheStationGoesDown() {
        charging(c -> c.backupPower(true).variant(Variant.LATE_FINISHING));
        long mark = bench.mark();
        cp.powerCycle();
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
        assertThat(bench.trail(CP, mark)).startsWith("StopTransaction", "StatusNotification 1 Finishing", "BootNotification");
    }

    /** TC_016 with a station that reports Finishing late: a soft reset reports it before the station reboots. */
    @SideBySide
    void onASoftResetALateFinishingIsReportedBeforeTheStationReboots() {
        charging(c -> c.variant(Variant.LATE_FINISHING));
        long mark = bench.mark();
        assertThat(bench.call(CP, new io.chargecheck.ocpp.message.Core.ResetRequest(
                io.chargecheck.ocpp.message.Core.ResetType.Soft)).status())
                .isEqualTo(io.chargecheck.ocpp.message.Core.ResetStatus.Accepted);
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
        assertThat(bench.trail(CP, mark)).startsWith("StopTransaction", "StatusNotification 1 Finishing", "BootNotification");
    }

    /** TC_032_2, TC_034: without backup power the stop follows the boot; Inoperative survives the power cycle. */
    @SideBySide
    void withoutBackupPowerTheStopFollowsTheBootAndInoperativeSurvives() {
        charging(c -> c);
        long before = bench.mark();
        bench.call(CP, new ChangeAvailabilityRequest(2, AvailabilityType.Inoperative));
        bench.awaitSent(CP, StatusNotificationRequest.class, before, s -> s.status() == ChargePointStatus.Unavailable);
        long mark = bench.mark();
        cp.cutPower();
        assertThat(cp.isConnected()).isFalse();
        cp.restorePower();
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.connectorId() == 2);
        assertThat(bench.trail(CP, mark)).startsWith("BootNotification", "StopTransaction");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.PowerLoss);
        assertThat(bench.sent(CP, StatusNotificationRequest.class, mark)).extracting(StatusNotificationRequest::connectorId,
                StatusNotificationRequest::status).contains(org.assertj.core.groups.Tuple.tuple(2, ChargePointStatus.Unavailable));
    }

    /** TC_037_2: started offline, the central system says Invalid: it goes on suspended (MaxEnergyOnInvalidId 0), not stopped. */
    @SideBySide
    void anInvalidCardAfterAnOfflineStartSuspendsTheEnergy() {
        long mark = offlineStartWith(bench(), "StopTransactionOnInvalidId", "false");
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.status() == ChargePointStatus.SuspendedEVSE);
        bench.barrier(CP);
        assertThat(bench.hasCall(CP, Action.StopTransaction, 0)).isFalse();
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.SuspendedEVSE);
    }

    /** TC_037_3: with StopTransactionOnInvalidId true it stops, DeAuthorized. */
    @SideBySide
    void anInvalidCardAfterAnOfflineStartStops() {
        long mark = offlineStartWith(bench(), "StopTransactionOnInvalidId", "true");
        assertThat(bench.awaitSent(CP, StopTransactionRequest.class, mark).reason()).isEqualTo(Reason.DeAuthorized);
    }

    /** TC_007, TC_008: a remote start for a card the cache or the local list accepts goes without Authorize (LocalPreAuthorize). */
    @SideBySide
    void aRemoteStartTakesTheCacheAndTheLocalListWithoutAuthorize() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).configure("LocalPreAuthorize", "true").configure("AuthorizeRemoteTxRequests", "true"));
        cp.presentCard(2, "GOOD-1"); // its Authorize answer is cached
        bench.call(CP, new ChangeAvailabilityRequest(2, AvailabilityType.Inoperative));
        bench.call(CP, new ChangeAvailabilityRequest(2, AvailabilityType.Operative));
        cp.plugIn(1);
        long cached = bench.mark();
        bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null));
        bench.awaitSent(CP, StartTransactionRequest.class, cached);
        assertThat(bench.hasCall(CP, Action.Authorize, cached)).isFalse();

        bench.call(CP, new SendLocalListRequest(1, List.of(new AuthorizationData("LISTED",
                new IdTagInfo(AuthorizationStatus.Accepted))), UpdateType.Full));
        cp.plugIn(2);
        long listed = bench.mark();
        bench.call(CP, new RemoteStartTransactionRequest(2, "LISTED", null));
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, listed).idTag()).isEqualTo("LISTED");
        assertThat(bench.hasCall(CP, Action.Authorize, listed)).isFalse();
    }

    /** TC_019, TC_040_1, TC_040_2: GetConfigurationMaxKeys, an invalid value and an unknown key. */
    @SideBySide
    void getConfigurationMaxKeysInvalidValuesAndUnknownKeys() {
        boot();
        int max = Integer.parseInt(cp.configuration("GetConfigurationMaxKeys").orElseThrow());
        assertThat(bench.call(CP, new GetConfigurationRequest(Collections.nCopies(max, "HeartbeatInterval")))
                .configurationKey()).hasSize(max);
        List<String> tooMany = new ArrayList<>(Collections.nCopies(max + 1, "HeartbeatInterval"));
        assertThatThrownBy(() -> bench.call(CP, new GetConfigurationRequest(tooMany)))
                .isInstanceOfSatisfying(CallFailure.class, failure ->
                        assertThat(failure.callError().orElseThrow().code()).isEqualTo(ErrorCode.OccurenceConstraintViolation));
        assertThat(bench.change(CP, "MeterValueSampleInterval", "-1")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(bench.change(CP, "Testing", "true")).isEqualTo(ConfigurationStatus.NotSupported);
    }

    // ---- helpers

    private Bench bench() {
        bench = Bench.start();
        return bench;
    }

    /** Offline, a card the central system will call Invalid starts (AllowOfflineTxForUnknownId); then it reconnects. */
    private long offlineStartWith(Bench bench, String key, String value) {
        cp = bench.boot(bench.config(CP).configure("AllowOfflineTxForUnknownId", "true").configure(key, value)
                .configure("MaxEnergyOnInvalidId", "0"));
        cp.plugIn(1);
        cp.loseNetwork();
        cp.presentCard(1, "STRANGER");
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Charging);
        long mark = bench.mark();
        cp.regainNetwork();
        StartTransactionResponse answer = Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .flatMap(e -> e.message(StartTransactionResponse.class).stream()).findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(answer.idTagInfo().status()).isEqualTo(AuthorizationStatus.Invalid);
        return mark;
    }

    private void boot() {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP));
    }

    private void charging(UnaryOperator<SimulatorConfig.Builder> config) {
        bench = Bench.start();
        cp = bench.boot(config.apply(bench.config(CP)));
        Bench.charging(cp);
    }

    private UnlockStatus unlock(int connector) {
        return bench.call(CP, new UnlockConnectorRequest(connector)).status();
    }

    private List<Instant> bootTimes(long mark) {
        return bench.cs.journal().since(mark).stream().filter(e -> e.isCallFromStation(Action.BootNotification))
                .map(io.chargecheck.centralsystem.JournalEntry::time).toList();
    }
}
