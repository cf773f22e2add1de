package io.chargecheck.simulator;

import static io.chargecheck.simulator.ChargingProfilesOnTheWire.DEFAULT;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.MAX;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.TX;
import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleRequest;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleResponse;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleStatus;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;

/**
 * The simulator's smart charging over a real connection: which profiles it takes, how they replace
 * and clear one another, the composite schedule it answers, the TxProfile of a remote start, and
 * meters that follow the limit in force (the arithmetic itself is {@link ChargingSchedulesTest}).
 */
class SmartChargingTest {

    private static final String CP = "CP-SC";
    private static final Set<Measurand> FOLLOWED = Set.of(Measurand.CurrentImport, Measurand.CurrentOffered,
            Measurand.PowerActiveImport);

    private Bench bench;
    private ChargePointSimulator cp;
    private ChargingProfilesOnTheWire wire;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    private void boot() {
        bench = Bench.start();
        cp = bench.boot(ChargingProfilesOnTheWire.sampling(bench.config(CP)));
        wire = new ChargingProfilesOnTheWire(bench, CP);
    }

    @SideBySide
    void theStationRefusesProfilesThatDoNotFitItsConnectorsOrItsKeys() {
        boot();
        assertThat(set(1, profile(1, MAX, 0, 10))).as("a ChargePointMaxProfile on a connector").isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(0, profile(2, TX, 0, 10))).as("a TxProfile on connector 0").isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(1, profile(3, TX, 0, 10))).as("a TxProfile with no transaction").isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(3, profile(4, DEFAULT, 0, 10))).as("no connector 3").isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(1, profile(5, DEFAULT, 9, 10))).as("above ChargeProfileMaxStackLevel").isEqualTo(ChargingProfileStatus.Rejected);
        ChargingProfile notRising = new ChargingProfile(6, null, 0, DEFAULT, ChargingProfileKindType.Absolute, null, null, null,
                new ChargingSchedule(600, null, ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, 10.0, null),
                        new ChargingSchedulePeriod(0, 20.0, null)), null));
        assertThat(set(1, notRising)).as("startPeriods that do not rise").isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(0, profile(7, DEFAULT, 0, 10))).as("a TxDefaultProfile for every connector").isEqualTo(ChargingProfileStatus.Accepted);

        List<KeyValue> keys = bench.call(CP, new GetConfigurationRequest(List.of("ChargeProfileMaxStackLevel",
                "ChargingScheduleAllowedChargingRateUnit", "ChargingScheduleMaxPeriods", "MaxChargingProfilesInstalled")))
                .configurationKey();
        assertThat(keys).extracting(KeyValue::key, KeyValue::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ChargeProfileMaxStackLevel", "8"),
                org.assertj.core.groups.Tuple.tuple("ChargingScheduleAllowedChargingRateUnit", "Current,Power"),
                org.assertj.core.groups.Tuple.tuple("ChargingScheduleMaxPeriods", "24"),
                org.assertj.core.groups.Tuple.tuple("MaxChargingProfilesInstalled", "16"));
        assertThat(keys).allSatisfy(key -> assertThat(key.readonly()).isTrue());
        assertThat(bench.call(CP, new ChangeConfigurationRequest("ChargeProfileMaxStackLevel", "2")).status())
                .isEqualTo(ConfigurationStatus.Rejected);
    }

    @SideBySide
    void aProfileReplacesTheOneWithItsIdOrItsStackLevelAndPurposeAndClearingFindsThemByEachCriterion() {
        boot();
        assertThat(set(1, profile(1, DEFAULT, 0, 10))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(set(1, profile(2, DEFAULT, 1, 8))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(set(1, profile(3, DEFAULT, 1, 7))).as("replaces 2: same stack level and purpose").isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).isEqualTo(7.0);
        assertThat(set(1, profile(3, DEFAULT, 2, 9))).as("replaces itself: same id").isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).isEqualTo(9.0);
        assertThat(clear(new ClearChargingProfileRequest(2, null, null, null))).as("2 was replaced")
                .isEqualTo(ClearChargingProfileStatus.Unknown);
        assertThat(clear(new ClearChargingProfileRequest(null, 1, DEFAULT, 2))).isEqualTo(ClearChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).isEqualTo(10.0);
        assertThat(set(0, profile(4, MAX, 0, 6))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).as("the ChargePointMaxProfile is lower").isEqualTo(6.0);
        assertThat(limitNow(0)).as("connector 0: the station as a whole").isEqualTo(6.0);
        assertThat(clear(new ClearChargingProfileRequest(null, null, null, null))).isEqualTo(ClearChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).as("the station's own limit").isEqualTo(16.0);
        assertThat(clear(new ClearChargingProfileRequest(null, null, null, null))).isEqualTo(ClearChargingProfileStatus.Unknown);
    }

    @SideBySide
    void theCompositeScheduleIsAnsweredInTheUnitAskedAndRejectedForAConnectorTheStationLacks() {
        boot();
        set(1, profile(1, DEFAULT, 0, 6));
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        GetCompositeScheduleResponse watts = bench.call(CP, new GetCompositeScheduleRequest(1, 120, ChargingRateUnitType.W));
        assertThat(watts.status()).isEqualTo(GetCompositeScheduleStatus.Accepted);
        assertThat(watts.connectorId()).isEqualTo(1);
        assertThat(watts.scheduleStart()).isBetween(before, Instant.now());
        assertThat(watts.chargingSchedule().duration()).isEqualTo(120);
        assertThat(watts.chargingSchedule().chargingRateUnit()).isEqualTo(ChargingRateUnitType.W);
        assertThat(watts.chargingSchedule().chargingSchedulePeriod()).containsExactly(new ChargingSchedulePeriod(0, 4140.0, 3));
        assertThat(bench.call(CP, new GetCompositeScheduleRequest(3, 120, null)).status()).isEqualTo(GetCompositeScheduleStatus.Rejected);
    }

    /** While a transaction runs under a TxProfile its meter draws no more than the limit, until the transaction and the profile end. */
    @SideBySide
    void theMeterFollowsTheTxProfileOfTheRunningTransactionAndItsNextPeriod() {
        boot();
        Bench.charging(cp);
        int transactionId = cp.transactionId(1).orElseThrow();
        ChargingProfile twoSteps = new ChargingProfile(1, transactionId, 0, TX, ChargingProfileKindType.Absolute, null, null,
                null, new ChargingSchedule(600, Instant.now().truncatedTo(ChronoUnit.SECONDS), ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, 6.0, null), new ChargingSchedulePeriod(3, 10.0, null)), null));
        assertThat(set(1, twoSteps)).isEqualTo(ChargingProfileStatus.Accepted);
        long mark = bench.mark(); // the answer is in: every sample from now on is taken under the profile

        List<SampledValue> six = firstPeriodicSample(mark);
        assertWithin(six, 6.0);
        assertThat(value(six, Measurand.CurrentOffered)).isEqualTo(6.0);
        List<SampledValue> ten = Bench.await().until(() -> bench.meterValues(CP, mark, ReadingContext.SamplePeriodic).stream()
                .map(m -> m.meterValue().get(0).sampledValue()).filter(v -> value(v, Measurand.CurrentOffered) != 6.0)
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
        assertThat(value(ten, Measurand.CurrentOffered)).as("the next period, 3 s in").isEqualTo(10.0);
        assertWithin(ten, 10.0);

        cp.presentCard(1, "GOOD-1"); // stops the transaction: its TxProfile goes with it
        assertThat(limitNow(1)).isEqualTo(16.0);
    }

    @SideBySide
    void aTxProfileNamingAnotherTransactionIsRefused() {
        boot();
        Bench.charging(cp);
        int transactionId = cp.transactionId(1).orElseThrow();
        ChargingProfile other = new ChargingProfile(1, transactionId + 1, 0, TX, ChargingProfileKindType.Absolute, null, null,
                null, ChargingProfilesOnTheWire.schedule(6));
        assertThat(set(1, other)).isEqualTo(ChargingProfileStatus.Rejected);
        assertThat(set(1, profile(2, TX, 0, 7))).as("without a transactionId: the running one").isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(limitNow(1)).isEqualTo(7.0);
    }

    @SideBySide
    void aRemoteStartBringsItsTxProfileAndOnlyATxProfile() {
        boot();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", profile(5, DEFAULT, 0, 8))).status())
                .isEqualTo(RemoteStartStopStatus.Rejected);
        cp.plugIn(1);
        long mark = bench.mark();
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", profile(5, TX, 0, 8))).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        assertThat(limitNow(1)).isEqualTo(8.0);
        assertWithin(firstPeriodicSample(mark), 8.0);
    }

    // ------------------------------------------------------------------ helpers

    private ChargingProfileStatus set(int connectorId, ChargingProfile profile) {
        return wire.set(connectorId, profile);
    }

    private ClearChargingProfileStatus clear(ClearChargingProfileRequest request) {
        return bench.call(CP, request).status();
    }

    private double limitNow(int connectorId) {
        return wire.limitNow(connectorId);
    }

    private static ChargingProfile profile(int id, ChargingProfilePurposeType purpose, int stackLevel, double limit) {
        return ChargingProfilesOnTheWire.profile(id, purpose, stackLevel, limit);
    }

    private List<SampledValue> firstPeriodicSample(long since) {
        return wire.firstPeriodicSample(since);
    }

    /** Current.Import per phase at or under the limit, Power.Active.Import per phase at or under 230 V times it. */
    private static void assertWithin(List<SampledValue> sample, double amps) {
        assertThat(sample).filteredOn(v -> FOLLOWED.contains(v.measurand())).isNotEmpty().allSatisfy(v -> {
            double value = Double.parseDouble(v.value());
            double limit = v.measurand() == Measurand.PowerActiveImport ? amps * Meter.NOMINAL_VOLTAGE : amps;
            assertThat(value).as(v.measurand() + " " + v.phase()).isLessThanOrEqualTo(limit + 0.05)
                    .isGreaterThan(limit * 0.9);
        });
    }

    private static double value(List<SampledValue> sample, Measurand measurand) {
        return ChargingProfilesOnTheWire.value(sample, measurand);
    }
}
