package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfilePurposeType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.RecurrencyKindType;
import io.chargecheck.simulator.ChargingSchedules.Installed;
import io.chargecheck.simulator.ChargingSchedules.Limit;
import io.chargecheck.simulator.ChargingSchedules.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The arithmetic of smart charging on its own, against the composite schedules the OCA's catalogue
 * expects for TC_066_CS, TC_067_CS (after each clear) and TC_072_CS: the profiles start at T0, the
 * composite {@code X} seconds later, so a period the catalogue writes as (50 - x) starts at 50 - X.
 */
class ChargingSchedulesTest {

    private static final Instant T0 = Instant.parse("2024-04-26T10:00:00Z");
    private static final int X = 7;
    private static final Instant ASKED = T0.plusSeconds(X);
    private static final int CONNECTOR = 1;
    private static final Limit OWN = ChargingProfiles.ownLimit();
    private static final ChargingProfilePurposeType MAX = ChargingProfilePurposeType.ChargePointMaxProfile;
    private static final ChargingProfilePurposeType DEFAULT = ChargingProfilePurposeType.TxDefaultProfile;
    private static final ChargingProfilePurposeType TX = ChargingProfilePurposeType.TxProfile;

    @ParameterizedTest
    @EnumSource(ChargingRateUnitType.class)
    void tc066TheTxProfileOverrulesTheDefaultAndTheChargePointMaximumCapsIt(ChargingRateUnitType unit) {
        double k = unit == ChargingRateUnitType.W ? 1000 : 1;
        Installed p1 = absolute(1, 0, MAX, 0, unit, null, 86400, k, 0, 10);
        Installed p2 = absolute(2, CONNECTOR, DEFAULT, 0, unit, T0.plusSeconds(401), 300, k, 0, 6, 60, 10, 120, 8, 180, 15, 260, 8);
        Installed p3 = absolute(3, CONNECTOR, TX, 0, unit, T0.plusSeconds(401), 260, k, 0, 8, 50, 11, 140, 16, 200, 6, 240, 12);
        Stack stack = new Stack(CONNECTOR, List.of(p1), List.of(p2), List.of(p3), T0);

        assertThat(ChargingSchedules.composite(stack, ASKED, 400, unit, OWN))
                .containsExactlyElementsOf(periods(k, 0, 8, 50 - X, 10, 200 - X, 6, 240 - X, 10));
    }

    @ParameterizedTest
    @EnumSource(ChargingRateUnitType.class)
    void tc067EachClearLeavesTheProfilesThatStay(ChargingRateUnitType unit) {
        double k = unit == ChargingRateUnitType.W ? 1000 : 1;
        Installed p1 = absolute(1, CONNECTOR, DEFAULT, 1, unit, null, 400, k, 0, 6, 60, 8, 200, 10);
        Installed p2 = absolute(2, CONNECTOR, DEFAULT, 0, unit, T0.plusSeconds(401), 400, k, 0, 7, 100, 9);
        Installed p3 = absolute(3, 0, MAX, 0, unit, T0.plusSeconds(401), 86400, k, 0, 11, 200, 12);

        assertThat(composite(List.of(p3), List.of(p1, p2), unit)).as("before any clear: stack level 1 leads")
                .containsExactlyElementsOf(periods(k, 0, 6, 60 - X, 8, 200 - X, 10));
        assertThat(composite(List.of(p3), List.of(p2), unit)).as("after clearing P1 by its id")
                .containsExactlyElementsOf(periods(k, 0, 7, 100 - X, 9));
        assertThat(composite(List.of(p3), List.of(), unit)).as("after clearing the TxDefaultProfiles of stack level 0")
                .containsExactlyElementsOf(periods(k, 0, 11, 200 - X, 12));
        double own = unit == ChargingRateUnitType.W ? 11040 : 16;
        assertThat(composite(List.of(), List.of(), unit)).as("after clearing everything: the station's own limit")
                .containsExactly(new ChargingSchedulePeriod(0, own, 3));
    }

    @ParameterizedTest
    @EnumSource(ChargingRateUnitType.class)
    void tc072AHigherStackLevelLeadsOnlyWhileItsScheduleLasts(ChargingRateUnitType unit) {
        double k = unit == ChargingRateUnitType.W ? 1000 : 1;
        Installed p1 = absolute(1, CONNECTOR, DEFAULT, 0, unit, T0.plusSeconds(401), 400, k, 0, 6, 100, 8, 200, 10);
        Installed p2 = absolute(2, CONNECTOR, DEFAULT, 1, unit, T0.plusSeconds(401), 150, k, 0, 7, 100, 9);

        assertThat(composite(List.of(), List.of(p1, p2), unit))
                .containsExactlyElementsOf(periods(k, 0, 7, 100 - X, 9, 150 - X, 8, 200 - X, 10));
    }

    @Test
    void aLimitInWattsIsAskedForInAmperesRoundedDownAndTheOtherWayRound() {
        Installed watts = absolute(1, CONNECTOR, DEFAULT, 0, ChargingRateUnitType.W, null, 400, 1, 0, 6000);
        assertThat(composite(List.of(), List.of(watts), ChargingRateUnitType.A))
                .as("6000 W on 3 phases of 230 V is 8.69 A").startsWith(new ChargingSchedulePeriod(0, 8.6, 3));
        Installed amps = absolute(2, CONNECTOR, DEFAULT, 0, ChargingRateUnitType.A, null, 400, 1, 0, 6);
        assertThat(composite(List.of(), List.of(amps), ChargingRateUnitType.W)).startsWith(new ChargingSchedulePeriod(0, 4140.0, 3));
    }

    @Test
    void theLowestOfThePurposesIsComparedAsPowerWhateverTheirUnits() {
        Installed max = absolute(1, 0, MAX, 0, ChargingRateUnitType.W, null, 86400, 1, 0, 5000);
        Installed tx = absolute(2, CONNECTOR, TX, 0, ChargingRateUnitType.A, null, 400, 1, 0, 10);
        Stack stack = new Stack(CONNECTOR, List.of(max), List.of(), List.of(tx), T0);
        assertThat(ChargingSchedules.limitAt(stack, ASKED)).hasValueSatisfying(limit -> {
            assertThat(limit.unit()).isEqualTo(ChargingRateUnitType.W);
            assertThat(limit.value()).isEqualTo(5000.0);
        });
    }

    @Test
    void aTxDefaultProfileOfTheConnectorLeadsOneOfConnectorZeroAtTheSameStackLevelNotAHigherOne() {
        Installed all = absolute(1, 0, DEFAULT, 0, ChargingRateUnitType.A, null, 400, 1, 0, 10);
        Installed own = absolute(2, CONNECTOR, DEFAULT, 0, ChargingRateUnitType.A, null, 400, 1, 0, 12);
        Installed higher = absolute(3, 0, DEFAULT, 2, ChargingRateUnitType.A, null, 100, 1, 0, 14);
        Stack tie = new Stack(CONNECTOR, List.of(), List.of(all, own), List.of(), T0);
        assertThat(ChargingSchedules.composite(tie, ASKED, 450, ChargingRateUnitType.A, OWN)).containsExactly(
                new ChargingSchedulePeriod(0, 12.0, 3), new ChargingSchedulePeriod(400 - X, 16.0, 3));
        Stack above = new Stack(CONNECTOR, List.of(), List.of(all, own, higher), List.of(), T0);
        assertThat(ChargingSchedules.composite(above, ASKED, 450, ChargingRateUnitType.A, OWN)).containsExactly(
                new ChargingSchedulePeriod(0, 14.0, 3), new ChargingSchedulePeriod(100 - X, 12.0, 3),
                new ChargingSchedulePeriod(400 - X, 16.0, 3));
    }

    @Test
    void aTxProfileNotYetValidLeavesTheDefaultInForceUntilItIs() {
        Installed fallback = absolute(1, CONNECTOR, DEFAULT, 0, ChargingRateUnitType.A, null, 400, 1, 0, 10);
        ChargingProfile later = new ChargingProfile(2, null, 0, TX, ChargingProfileKindType.Absolute, null,
                T0.plusSeconds(60), null, schedule(ChargingRateUnitType.A, 200, 1, 0, 6));
        Installed tx = new Installed(CONNECTOR, later, T0);
        Stack stack = new Stack(CONNECTOR, List.of(), List.of(fallback), List.of(tx), T0);
        assertThat(ChargingSchedules.composite(stack, ASKED, 300, ChargingRateUnitType.A, OWN)).containsExactly(
                new ChargingSchedulePeriod(0, 10.0, 3), new ChargingSchedulePeriod(60 - X, 6.0, 3),
                new ChargingSchedulePeriod(200 - X, 16.0, 3));
    }

    @Test
    void aDailyProfileRepeatsEveryDayFromItsStartAndARelativeOneStartsWithTheTransaction() {
        ChargingProfile nights = new ChargingProfile(1, null, 0, DEFAULT, ChargingProfileKindType.Recurring,
                RecurrencyKindType.Daily, null, null, new ChargingSchedule(3600, T0.minus(Duration.ofDays(3)),
                ChargingRateUnitType.A, List.of(new ChargingSchedulePeriod(0, 6.0, null)), null));
        Stack daily = new Stack(CONNECTOR, List.of(), List.of(new Installed(CONNECTOR, nights, T0)), List.of(), T0);
        assertThat(ChargingSchedules.composite(daily, T0.minusSeconds(60), 7200, ChargingRateUnitType.A, OWN))
                .containsExactly(new ChargingSchedulePeriod(0, 16.0, 3), new ChargingSchedulePeriod(60, 6.0, 3),
                        new ChargingSchedulePeriod(3660, 16.0, 3));
        assertThat(ChargingSchedules.nextChange(daily, T0.plusSeconds(3600), Duration.ofDays(2)))
                .contains(T0.plus(Duration.ofDays(1)));

        ChargingProfile relative = new ChargingProfile(2, null, 0, TX, ChargingProfileKindType.Relative, null, null, null,
                schedule(ChargingRateUnitType.A, null, 1, 0, 8, 600, 12));
        Instant started = T0.minusSeconds(500);
        Stack fromStart = new Stack(CONNECTOR, List.of(), List.of(), List.of(new Installed(CONNECTOR, relative, T0)), started);
        assertThat(ChargingSchedules.composite(fromStart, T0, 300, ChargingRateUnitType.A, OWN)).containsExactly(
                new ChargingSchedulePeriod(0, 8.0, 3), new ChargingSchedulePeriod(100, 12.0, 3));
    }

    @Test
    void theNextChangeIsWhereTheLimitInForceMayChange() {
        Installed p = absolute(1, CONNECTOR, DEFAULT, 0, ChargingRateUnitType.A, null, 300, 1, 0, 6, 120, 10);
        Stack stack = new Stack(CONNECTOR, List.of(), List.of(p), List.of(), T0);
        assertThat(ChargingSchedules.nextChange(stack, ASKED, Duration.ofHours(1))).contains(T0.plusSeconds(120));
        assertThat(ChargingSchedules.nextChange(stack, T0.plusSeconds(120), Duration.ofHours(1))).contains(T0.plusSeconds(300));
        assertThat(ChargingSchedules.nextChange(stack, T0.plusSeconds(300), Duration.ofHours(1))).isEmpty();
        assertThat(ChargingSchedules.limitAt(stack, T0.plusSeconds(300))).as("the schedule is over").isEmpty();
    }

    // ------------------------------------------------------------------ the catalogue's profiles, written short

    private static List<ChargingSchedulePeriod> composite(List<Installed> max, List<Installed> txDefault,
                                                          ChargingRateUnitType unit) {
        return ChargingSchedules.composite(new Stack(CONNECTOR, max, txDefault, List.of(), ASKED), ASKED, 350, unit, OWN);
    }

    /** An Absolute profile starting at T0, valid from T0 to {@code validTo}, with periods as start, limit, start, limit, ... */
    private static Installed absolute(int id, int connectorId, ChargingProfilePurposeType purpose, int stackLevel,
                                      ChargingRateUnitType unit, Instant validTo, int duration, double factor,
                                      double... startsAndLimits) {
        ChargingProfile profile = new ChargingProfile(id, null, stackLevel, purpose, ChargingProfileKindType.Absolute, null,
                validTo == null ? null : T0, validTo, schedule(unit, duration, factor, startsAndLimits));
        return new Installed(connectorId, profile, T0);
    }

    private static ChargingSchedule schedule(ChargingRateUnitType unit, Integer duration, double factor,
                                             double... startsAndLimits) {
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        for (int i = 0; i < startsAndLimits.length; i += 2) {
            periods.add(new ChargingSchedulePeriod((int) startsAndLimits[i], startsAndLimits[i + 1] * factor, 3));
        }
        return new ChargingSchedule(duration, duration == null ? null : T0, unit, periods, null);
    }

    /** Expected composite periods: start, limit (times the factor), ... on 3 phases. */
    private static List<ChargingSchedulePeriod> periods(double factor, double... startsAndLimits) {
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        for (int i = 0; i < startsAndLimits.length; i += 2) {
            periods.add(new ChargingSchedulePeriod((int) startsAndLimits[i], startsAndLimits[i + 1] * factor, 3));
        }
        return periods;
    }
}
