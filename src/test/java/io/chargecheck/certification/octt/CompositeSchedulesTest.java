package io.chargecheck.certification.octt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.certification.octt.CompositeSchedules.Asked;
import io.chargecheck.certification.octt.CompositeSchedules.Expected;
import io.chargecheck.certification.octt.CompositeSchedules.Period;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleResponse;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OCA's check of a composite schedule: what passes, and what fails with which words. */
class CompositeSchedulesTest {

    private static final Instant T0 = Instant.parse("2024-04-26T10:00:00Z");
    private static final Duration DEVIATION = Duration.ofSeconds(2);
    private static final Asked ASKED = new Asked(1, 350, ChargingRateUnitType.A, T0.plusSeconds(3));
    /** TC_072_CS: 7 A from 0, 9 A from 100, 8 A from 150, 10 A from 200 seconds after T0. */
    private static final Expected TC_072 = new Expected(List.of(new Period(T0, 7), new Period(T0.plusSeconds(100), 9),
            new Period(T0.plusSeconds(150), 8), new Period(T0.plusSeconds(200), 10)), null);

    @Test
    void theCatalogueSPeriodsLessXPassAndXIsWhereTheScheduleStarts() {
        GetCompositeScheduleResponse answer = answer(T0.plusSeconds(3), 350, ChargingRateUnitType.A, 0, 7, 97, 9, 147, 8, 197, 10);
        assertThat(CompositeSchedules.verify(answer, ASKED, TC_072, DEVIATION)).isEqualTo(3);
    }

    @Test
    void aChangeWithinTheMaxTimeDeviationPassesOneFurtherOffFailsNamingWhere() {
        assertThat(CompositeSchedules.verify(answer(T0.plusSeconds(3), 350, ChargingRateUnitType.A, 0, 7, 99, 9, 145, 8, 197, 10),
                ASKED, TC_072, DEVIATION)).isEqualTo(3);
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(3), 350, ChargingRateUnitType.A,
                0, 7, 97, 9, 152, 8, 197, 10), ASKED, TC_072, DEVIATION))
                .hasMessageContaining("to be 7 A from 0 s, 9 A from 97 s, 8 A from 147 s, 10 A from 197 s (x = 3 s")
                .hasMessageContaining("the station answered 7 A from 0 s, 9 A from 97 s, 8 A from 152 s, 10 A from 197 s")
                .hasMessageContaining("at 149 s it is 9 A where 8 A is expected");
    }

    @Test
    void aPeriodLeftOutFails() {
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(3), 350, ChargingRateUnitType.A,
                0, 7, 97, 9, 197, 10), ASKED, TC_072, DEVIATION))
                .hasMessageContaining("at 149 s it is 9 A where 8 A is expected");
    }

    @Test
    void afterTheInstalledProfileEndsTheStationMayShowItsOwnLimit() {
        Expected common = Expected.single(T0, 6, T0.plusSeconds(300));
        Asked asked = new Asked(1, 300, ChargingRateUnitType.A, T0.plusSeconds(2));
        assertThat(CompositeSchedules.verify(answer(T0.plusSeconds(2), 300, ChargingRateUnitType.A, 0, 6, 298, 32), asked,
                common, DEVIATION)).isEqualTo(2);
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(2), 300, ChargingRateUnitType.A, 0, 16),
                asked, common, DEVIATION)).hasMessageContaining("at 0 s it is 16 A where 6 A is expected");
    }

    @Test
    void theFrameOfTheAnswerIsCheckedFirst() {
        assertThatThrownBy(() -> CompositeSchedules.verify(new GetCompositeScheduleResponse(GetCompositeScheduleStatus.Rejected,
                null, null, null), ASKED, TC_072, DEVIATION)).hasMessage(
                "expected GetCompositeSchedule for the composite schedule of connector 1 for 350 s in A to be Accepted; it was Rejected");
        GetCompositeScheduleResponse right = answer(T0.plusSeconds(3), 350, ChargingRateUnitType.A, 0, 7, 97, 9, 147, 8, 197, 10);
        assertThatThrownBy(() -> CompositeSchedules.verify(new GetCompositeScheduleResponse(right.status(), 2,
                right.scheduleStart(), right.chargingSchedule()), ASKED, TC_072, DEVIATION)).hasMessageContaining("it named connector 2");
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(3), 300, ChargingRateUnitType.A, 0, 7), ASKED,
                TC_072, DEVIATION)).hasMessageContaining("to last 350 s; its duration is 300 s");
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(3), 350, ChargingRateUnitType.W, 0, 7000),
                ASKED, TC_072, DEVIATION)).hasMessageContaining("in A; it is in W");
        assertThatThrownBy(() -> CompositeSchedules.verify(answer(T0.plusSeconds(9), 350, ChargingRateUnitType.A, 0, 7), ASKED,
                TC_072, DEVIATION)).hasMessageContaining("to start within 2 s (the max time deviation)").hasMessageContaining("6 s off");
    }

    private static GetCompositeScheduleResponse answer(Instant start, int duration, ChargingRateUnitType unit,
                                                       double... startsAndLimits) {
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        for (int i = 0; i < startsAndLimits.length; i += 2) {
            periods.add(new ChargingSchedulePeriod((int) startsAndLimits[i], startsAndLimits[i + 1], 3));
        }
        return new GetCompositeScheduleResponse(GetCompositeScheduleStatus.Accepted, 1, start,
                new ChargingSchedule(duration, start, unit, periods, null));
    }
}
