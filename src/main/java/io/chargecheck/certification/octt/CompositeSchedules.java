package io.chargecheck.certification.octt;

import io.chargecheck.certification.Describe;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleResponse;
import io.chargecheck.ocpp.message.SmartCharging.GetCompositeScheduleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The OCA's check of a composite schedule (TC_056_CS to TC_072_CS): Accepted, for the connector,
 * duration and unit asked, starting within the max time deviation of the moment it was asked for,
 * and with the periods the installed profiles give. The expected periods are instants (the
 * profiles' start plus the catalogue's seconds), so the catalogue's x, the seconds between the
 * profiles' start and the schedule's start, is taken from the answer; a change of limit may come
 * up to the max time deviation before or after where it is expected.
 */
public final class CompositeSchedules {

    /** From this instant on, this limit, in the unit asked for. */
    public record Period(Instant from, double limit) {
    }

    /**
     * What the composite schedule must show: these periods, up to {@code until} (null: to the
     * schedule's end); after it (where the installed profile ended) the station may show its own limit.
     */
    public record Expected(List<Period> periods, Instant until) {

        public Expected {
            periods = periods.stream().sorted(Comparator.comparing(Period::from)).toList();
            if (periods.isEmpty()) {
                throw new IllegalArgumentException("a composite schedule has at least one period");
            }
        }

        /** One limit from {@code from} until {@code until}: a single installed profile. */
        public static Expected single(Instant from, double limit, Instant until) {
            return new Expected(List.of(new Period(from, limit)), until);
        }
    }

    /** What was asked for: the connector, how long, in which unit, and when. */
    public record Asked(int connectorId, int duration, ChargingRateUnitType unit, Instant at) {
    }

    private CompositeSchedules() {
    }

    /** Fails, saying what was expected and what came, unless the answer is what the OCA expects; returns x, in seconds. */
    public static long verify(GetCompositeScheduleResponse answer, Asked asked, Expected expected, Duration maxDeviation) {
        String what = "the composite schedule of connector " + asked.connectorId() + " for " + asked.duration() + " s in "
                + asked.unit();
        if (answer.status() != GetCompositeScheduleStatus.Accepted) {
            throw new AssertionError("expected GetCompositeSchedule for " + what + " to be Accepted; it was " + answer.status(),
                    null);
        }
        if (answer.connectorId() == null || answer.connectorId() != asked.connectorId()) {
            throw new AssertionError("expected " + what + " to name connector " + asked.connectorId() + "; it named "
                    + (answer.connectorId() == null ? "none" : "connector " + answer.connectorId()), null);
        }
        ChargingSchedule schedule = answer.chargingSchedule();
        if (schedule == null) {
            throw new AssertionError("expected " + what + " in the Accepted answer; it had no chargingSchedule", null);
        }
        if (schedule.duration() == null || schedule.duration() != asked.duration()) {
            throw new AssertionError("expected " + what + " to last " + asked.duration() + " s; its duration is "
                    + (schedule.duration() == null ? "not given" : schedule.duration() + " s"), null);
        }
        if (schedule.chargingRateUnit() != asked.unit()) {
            throw new AssertionError("expected " + what + " in " + asked.unit() + "; it is in " + schedule.chargingRateUnit(), null);
        }
        Instant start = answer.scheduleStart() != null ? answer.scheduleStart() : schedule.startSchedule();
        if (start == null) {
            throw new AssertionError("expected " + what + " to say when it starts (scheduleStart); it does not", null);
        }
        Duration off = Duration.between(asked.at(), start).abs();
        if (off.compareTo(maxDeviation) > 0) {
            throw new AssertionError("expected " + what + " to start within " + Describe.seconds(maxDeviation)
                    + " (the max time deviation) of " + Describe.time(asked.at()) + ", when it was asked for; it starts at "
                    + Describe.time(start) + ", " + Describe.seconds(off) + " off", null);
        }
        long x = Math.round(Duration.between(expected.periods().get(0).from(), start).toMillis() / 1000.0);
        List<String> wrong = mismatches(schedule, start, expected, maxDeviation, asked.unit());
        if (!wrong.isEmpty()) {
            throw new AssertionError("expected " + what + " to be " + describe(expected, start, asked.unit()) + " (x = " + x
                    + " s, each change within " + Describe.seconds(maxDeviation) + "); the station answered "
                    + describe(schedule) + ": " + String.join("; ", wrong), null);
        }
        return x;
    }

    /**
     * Where the answer's limit differs from the expected one: looked at in the middle of every second
     * of the schedule, except within the max time deviation of an expected change and after the
     * expectation ends. The periods must start at 0 and rise.
     */
    static List<String> mismatches(ChargingSchedule schedule, Instant start, Expected expected, Duration maxDeviation,
                                   ChargingRateUnitType unit) {
        List<ChargingSchedulePeriod> periods = schedule.chargingSchedulePeriod();
        List<String> wrong = new ArrayList<>();
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).startPeriod() <= periods.get(i - 1).startPeriod()) {
                wrong.add("its periods' startPeriod do not rise");
                return wrong;
            }
        }
        Instant end = start.plusSeconds(schedule.duration());
        Instant until = expected.until() == null || expected.until().isAfter(end) ? end : expected.until().minus(maxDeviation);
        List<Instant> changes = expected.periods().stream().skip(1).map(Period::from).toList();
        for (int second = 0; second < schedule.duration(); second++) {
            Instant t = start.plusSeconds(second).plusMillis(500);
            if (!t.isBefore(until)) {
                break;
            }
            if (changes.stream().anyMatch(c -> Duration.between(c, t).abs().compareTo(maxDeviation) <= 0)) {
                continue;
            }
            Double got = at(periods, second * 1000L + 500);
            double want = expectedAt(expected, t);
            if (got == null || !same(got, want)) {
                if (wrong.size() < 3) {
                    wrong.add("at " + second + " s it " + (got == null ? "has no period" : "is " + limit(got, unit))
                            + " where " + limit(want, unit) + " is expected");
                }
                second = nextChangeAfter(periods, changes, start, second);
            }
        }
        return wrong;
    }

    /** Skips to just before the next change on either side, so that one wrong stretch is named once. */
    private static int nextChangeAfter(List<ChargingSchedulePeriod> periods, List<Instant> changes, Instant start, int second) {
        int next = Integer.MAX_VALUE;
        for (ChargingSchedulePeriod p : periods) {
            if (p.startPeriod() > second) {
                next = Math.min(next, p.startPeriod());
            }
        }
        for (Instant c : changes) {
            long s = Duration.between(start, c).toSeconds();
            if (s > second) {
                next = (int) Math.min(next, s);
            }
        }
        return next == Integer.MAX_VALUE ? Integer.MAX_VALUE - 1 : next - 1;
    }

    private static Double at(List<ChargingSchedulePeriod> periods, long millis) {
        Double found = null;
        for (ChargingSchedulePeriod p : periods) {
            if (p.startPeriod() * 1000L <= millis) {
                found = p.limit();
            }
        }
        return found;
    }

    private static double expectedAt(Expected expected, Instant t) {
        double found = expected.periods().get(0).limit();
        for (Period p : expected.periods()) {
            if (!p.from().isAfter(t)) {
                found = p.limit();
            }
        }
        return found;
    }

    /** Equal as a charger would round it: within a tenth, or a thousandth of the value. */
    private static boolean same(double got, double want) {
        return Math.abs(got - want) <= Math.max(0.05, Math.abs(want) / 1000);
    }

    private static String describe(Expected expected, Instant start, ChargingRateUnitType unit) {
        String periods = expected.periods().stream().map(p -> limit(p.limit(), unit) + " from "
                + Math.max(0, Math.round(Duration.between(start, p.from()).toMillis() / 1000.0)) + " s")
                .collect(Collectors.joining(", "));
        return periods + (expected.until() == null ? "" : " until "
                + Math.round(Duration.between(start, expected.until()).toMillis() / 1000.0) + " s");
    }

    static String describe(ChargingSchedule schedule) {
        return schedule.chargingSchedulePeriod().stream()
                .map(p -> limit(p.limit(), schedule.chargingRateUnit()) + " from " + p.startPeriod() + " s")
                .collect(Collectors.joining(", "));
    }

    private static String limit(double value, ChargingRateUnitType unit) {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + unit;
    }
}
