package io.chargecheck.ocpp.message;

import java.time.Instant;
import java.util.List;

/** OCPP 1.6 Smart Charging profile. */
public final class SmartCharging {

    private SmartCharging() {
    }

    public enum ChargingProfileKindType { Absolute, Recurring, Relative }

    public enum ChargingProfilePurposeType { ChargePointMaxProfile, TxDefaultProfile, TxProfile }

    public enum ChargingProfileStatus { Accepted, Rejected, NotSupported }

    public enum ChargingRateUnitType { A, W }

    public enum ClearChargingProfileStatus { Accepted, Unknown }

    public enum GetCompositeScheduleStatus { Accepted, Rejected }

    public enum RecurrencyKindType { Daily, Weekly }

    public record ChargingSchedulePeriod(@Required Integer startPeriod, @Required @MultipleOf("0.1") Double limit,
                                         Integer numberPhases) {
    }

    public record ChargingSchedule(Integer duration, Instant startSchedule, @Required ChargingRateUnitType chargingRateUnit,
                                   @Required List<ChargingSchedulePeriod> chargingSchedulePeriod,
                                   @MultipleOf("0.1") Double minChargingRate) {
    }

    public record ChargingProfile(@Required Integer chargingProfileId, Integer transactionId,
                                  @Required Integer stackLevel,
                                  @Required ChargingProfilePurposeType chargingProfilePurpose,
                                  @Required ChargingProfileKindType chargingProfileKind,
                                  RecurrencyKindType recurrencyKind, Instant validFrom, Instant validTo,
                                  @Required ChargingSchedule chargingSchedule) {
    }

    public record ClearChargingProfileRequest(Integer id, Integer connectorId,
                                              ChargingProfilePurposeType chargingProfilePurpose, Integer stackLevel)
            implements Request<ClearChargingProfileResponse> {
    }

    public record ClearChargingProfileResponse(@Required ClearChargingProfileStatus status) implements Response {
    }

    public record GetCompositeScheduleRequest(@Required Integer connectorId, @Required Integer duration,
                                              ChargingRateUnitType chargingRateUnit)
            implements Request<GetCompositeScheduleResponse> {
    }

    public record GetCompositeScheduleResponse(@Required GetCompositeScheduleStatus status, Integer connectorId,
                                               Instant scheduleStart, ChargingSchedule chargingSchedule)
            implements Response {
    }

    public record SetChargingProfileRequest(@Required Integer connectorId, @Required ChargingProfile csChargingProfiles)
            implements Request<SetChargingProfileResponse> {
    }

    public record SetChargingProfileResponse(@Required ChargingProfileStatus status) implements Response {
    }
}
