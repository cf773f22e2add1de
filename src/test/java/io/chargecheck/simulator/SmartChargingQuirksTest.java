package io.chargecheck.simulator;

import static io.chargecheck.simulator.ChargingProfilesOnTheWire.DEFAULT;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.MAX;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.TX;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.profile;
import static io.chargecheck.simulator.ChargingProfilesOnTheWire.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileRequest;
import io.chargecheck.ocpp.message.SmartCharging.ClearChargingProfileStatus;
import org.junit.jupiter.api.AfterEach;

/**
 * Each smart charging quirk does what it says, and only that (see {@link Quirk#octtCases()} for the
 * cases of the OCA's plan that catch them).
 */
class SmartChargingQuirksTest {

    private static final String CP = "CP-SCQ";

    private Bench bench;
    private ChargePointSimulator cp;
    private ChargingProfilesOnTheWire wire;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    private void boot(Quirk quirk) {
        bench = Bench.start();
        cp = bench.boot(ChargingProfilesOnTheWire.sampling(bench.config(CP)).quirk(quirk));
        wire = new ChargingProfilesOnTheWire(bench, CP);
    }

    @SideBySide
    void chargesAtFullPower() {
        boot(Quirk.CHARGES_AT_FULL_POWER);
        Bench.charging(cp);
        assertThat(wire.set(1, profile(1, TX, 0, 6))).isEqualTo(ChargingProfileStatus.Accepted);
        long mark = bench.mark();
        assertThat(wire.limitNow(1)).as("the composite says 6 A").isEqualTo(6.0);
        assertThat(value(wire.firstPeriodicSample(mark), Measurand.CurrentOffered)).as("the meter another").isEqualTo(16.0);
    }

    @SideBySide
    void compositeWithoutTxDefaultWhenIdle() {
        boot(Quirk.COMPOSITE_WITHOUT_TX_DEFAULT_WHEN_IDLE);
        assertThat(wire.set(1, profile(1, DEFAULT, 0, 7))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(wire.limitNow(1)).as("no transaction: left out").isEqualTo(16.0);
        Bench.charging(cp);
        assertThat(wire.limitNow(1)).as("during a transaction it is there").isEqualTo(7.0);
    }

    @SideBySide
    void compositeWithoutTxProfile() {
        boot(Quirk.COMPOSITE_WITHOUT_TX_PROFILE);
        Bench.charging(cp);
        assertThat(wire.set(1, profile(1, TX, 0, 6))).isEqualTo(ChargingProfileStatus.Accepted);
        long mark = bench.mark();
        assertThat(wire.limitNow(1)).as("left out of the composite").isEqualTo(16.0);
        assertThat(value(wire.firstPeriodicSample(mark), Measurand.CurrentOffered)).as("the charging follows it").isEqualTo(6.0);
    }

    @SideBySide
    void txProfileWithoutTransactionAccepted() {
        boot(Quirk.TX_PROFILE_WITHOUT_TRANSACTION_ACCEPTED);
        assertThat(wire.set(1, profile(1, TX, 0, 6))).isEqualTo(ChargingProfileStatus.Accepted);
        Bench.charging(cp);
        assertThat(wire.limitNow(1)).as("the profile was dropped, not kept for a later transaction").isEqualTo(16.0);
        assertThat(wire.set(0, profile(2, TX, 0, 6))).as("connector 0 is still refused").isEqualTo(ChargingProfileStatus.Rejected);
    }

    @SideBySide
    void txProfileTransactionIdNotChecked() {
        boot(Quirk.TX_PROFILE_TRANSACTION_ID_NOT_CHECKED);
        Bench.charging(cp);
        int running = cp.transactionId(1).orElseThrow();
        ChargingProfile other = new ChargingProfile(1, running + 1, 0, TX, ChargingProfileKindType.Absolute, null, null, null,
                ChargingProfilesOnTheWire.schedule(6));
        assertThat(wire.set(1, other)).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(wire.limitNow(1)).as("applied to the running transaction").isEqualTo(6.0);
    }

    @SideBySide
    void txDefaultOnlyForNextTransaction() {
        boot(Quirk.TX_DEFAULT_ONLY_FOR_NEXT_TRANSACTION);
        Bench.charging(cp);
        assertThat(wire.set(1, profile(1, DEFAULT, 0, 7))).isEqualTo(ChargingProfileStatus.Accepted);
        long mark = bench.mark();
        assertThat(wire.limitNow(1)).as("not for the running transaction").isEqualTo(16.0);
        assertThat(value(wire.firstPeriodicSample(mark), Measurand.CurrentOffered)).isEqualTo(16.0);
        cp.presentCard(1, "GOOD-1"); // stops it
        assertThat(wire.limitNow(1)).as("for the next one").isEqualTo(7.0);
    }

    @SideBySide
    void compositeWithoutChargePointMax() {
        boot(Quirk.COMPOSITE_WITHOUT_CHARGE_POINT_MAX);
        Bench.charging(cp);
        assertThat(wire.set(0, profile(1, MAX, 0, 6))).isEqualTo(ChargingProfileStatus.Accepted);
        long mark = bench.mark();
        assertThat(wire.limitNow(1)).as("left out of the composite").isEqualTo(16.0);
        assertThat(value(wire.firstPeriodicSample(mark), Measurand.CurrentOffered)).as("the charging follows it").isEqualTo(6.0);
    }

    @SideBySide
    void clearChargingProfileIgnored() {
        boot(Quirk.CLEAR_CHARGING_PROFILE_IGNORED);
        assertThat(wire.set(1, profile(1, DEFAULT, 0, 7))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(bench.call(CP, new ClearChargingProfileRequest(1, null, null, null)).status())
                .isEqualTo(ClearChargingProfileStatus.Accepted);
        assertThat(wire.limitNow(1)).as("still there").isEqualTo(7.0);
        assertThat(bench.call(CP, new ClearChargingProfileRequest(9, null, null, null)).status())
                .as("an id it does not have").isEqualTo(ClearChargingProfileStatus.Unknown);
    }

    @SideBySide
    void stackLevelsIgnored() {
        boot(Quirk.STACK_LEVELS_IGNORED);
        assertThat(wire.set(1, profile(1, DEFAULT, 1, 7))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(wire.set(1, profile(2, DEFAULT, 0, 9))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(wire.limitNow(1)).as("the newest wins, whatever its stack level").isEqualTo(9.0);
        assertThat(bench.call(CP, new ClearChargingProfileRequest(1, null, null, null)).status())
                .as("the first one is gone").isEqualTo(ClearChargingProfileStatus.Unknown);
        assertThat(wire.set(0, profile(3, MAX, 0, 8))).isEqualTo(ChargingProfileStatus.Accepted);
        assertThat(wire.limitNow(1)).as("another purpose stays").isEqualTo(8.0);
    }

    @SideBySide
    void remoteStartProfileIgnored() {
        boot(Quirk.REMOTE_START_PROFILE_IGNORED);
        cp.plugIn(1);
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", profile(1, TX, 0, 8))).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        assertThat(wire.limitNow(1)).as("started without its profile").isEqualTo(16.0);
    }

    @SideBySide
    void remoteStartProfilePurposeNotChecked() {
        boot(Quirk.REMOTE_START_PROFILE_PURPOSE_NOT_CHECKED);
        cp.plugIn(1);
        assertThat(bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", profile(1, DEFAULT, 0, 8))).status())
                .isEqualTo(RemoteStartStopStatus.Accepted);
        Bench.await().until(() -> cp.transactionId(1).isPresent());
        assertThat(wire.limitNow(1)).as("the profile dropped").isEqualTo(16.0);
    }
}
