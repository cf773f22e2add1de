package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileStatus;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleRequest;
import io.chargecheck.ocpp.message.SmartCharging.SetChargingProfileRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the smart charging tests of the simulator say to it and read from it, written short. */
final class ChargingProfilesOnTheWire {

    static final ChargingProfilePurposeType MAX = ChargingProfilePurposeType.ChargePointMaxProfile;
    static final ChargingProfilePurposeType DEFAULT = ChargingProfilePurposeType.TxDefaultProfile;
    static final ChargingProfilePurposeType TX = ChargingProfilePurposeType.TxProfile;

    /** Current, power and the current offered every second, for meters that follow a limit. */
    static final String SAMPLED = "Energy.Active.Import.Register,Current.Import,Current.Offered,Power.Active.Import";

    private final Bench bench;
    private final String chargePointId;

    ChargingProfilesOnTheWire(Bench bench, String chargePointId) {
        this.bench = bench;
        this.chargePointId = chargePointId;
    }

    /** A station of the bench that samples its current and power every second. */
    static SimulatorConfig.Builder sampling(SimulatorConfig.Builder config) {
        return config.configure("MeterValueSampleInterval", "1").configure("MeterValuesSampledData", SAMPLED);
    }

    /** An Absolute profile from a second ago, for 10 minutes, of one limit in A. */
    static ChargingProfile profile(int id, ChargingProfilePurposeType purpose, int stackLevel, double limit) {
        return new ChargingProfile(id, null, stackLevel, purpose, ChargingProfileKindType.Absolute, null, null, null,
                schedule(limit));
    }

    static ChargingSchedule schedule(double limit) {
        return new ChargingSchedule(600, Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1), ChargingRateUnitType.A,
                List.of(new ChargingSchedulePeriod(0, limit, null)), null);
    }

    ChargingProfileStatus set(int connectorId, ChargingProfile profile) {
        return bench.call(chargePointId, new SetChargingProfileRequest(connectorId, profile)).status();
    }

    /** The composite's limit now, in A. */
    double limitNow(int connectorId) {
        return bench.call(chargePointId, new GetCompositeScheduleRequest(connectorId, 60, ChargingRateUnitType.A))
                .chargingSchedule().chargingSchedulePeriod().get(0).limit();
    }

    /** The first periodic MeterValues since the mark. */
    List<SampledValue> firstPeriodicSample(long since) {
        return Bench.await().until(() -> bench.meterValues(chargePointId, since, ReadingContext.SamplePeriodic),
                list -> !list.isEmpty()).get(0).meterValue().get(0).sampledValue();
    }

    static double value(List<SampledValue> sample, Measurand measurand) {
        return sample.stream().filter(v -> v.measurand() == measurand).mapToDouble(v -> Double.parseDouble(v.value()))
                .findFirst().orElseThrow();
    }
}
