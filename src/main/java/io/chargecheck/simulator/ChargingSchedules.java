package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfileKindType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedule;
import io.chargecheck.ocpp.message.SmartCharging.ChargingSchedulePeriod;
import io.chargecheck.ocpp.message.SmartCharging.RecurrencyKindType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The arithmetic of smart charging as OCPP 1.6 section 3.13 has it, with no state, threads or I/O:
 * when a profile's schedule has a period at an instant, which profile of a purpose leads, how the
 * purposes combine into the limit in force, and the composite schedule over a stretch of time.
 *
 * <p>The rules: within a purpose, the profile with the highest stack level that is valid at the
 * instant and has a period defined then leads (a TxDefaultProfile of the connector itself before one
 * of connector 0 at the same stack level). A TxProfile valid at the instant overrules the
 * TxDefaultProfiles altogether, for its transaction (also after its own schedule has ended). The
 * limit in force is the lowest of the leading ChargePointMaxProfile and the leading Tx or
 * TxDefaultProfile, compared as power; where none has a period, the station's own limit applies.
 */
final class ChargingSchedules {

    /** The phases a period without numberPhases has (OCPP 1.6: "if absent, 3 is assumed"). */
    static final int DEFAULT_PHASES = 3;
    static final Duration DAY = Duration.ofDays(1);
    static final Duration WEEK = Duration.ofDays(7);

    private ChargingSchedules() {
    }

    /** A profile on the station: the connector it was set for, and when it came (the start of an Absolute one without a start). */
    record Installed(int connectorId, ChargingProfile profile, Instant receivedAt) {
    }

    /** A charging rate: so many A per phase, or W, on a number of phases. */
    record Limit(double value, ChargingRateUnitType unit, int phases) {

        double watts() {
            return unit == ChargingRateUnitType.W ? value : value * Meter.NOMINAL_VOLTAGE * phases;
        }

        double ampsPerPhase() {
            return unit == ChargingRateUnitType.A ? value : value / (Meter.NOMINAL_VOLTAGE * phases);
        }

        /** In another unit, rounded down to the tenth the schema allows (so a limit in A never allows more watts). */
        double in(ChargingRateUnitType wanted) {
            double exact = wanted == ChargingRateUnitType.W ? watts() : ampsPerPhase();
            return Math.floor(exact * 10 + 1e-6) / 10;
        }
    }

    /**
     * What applies to one connector: the ChargePointMaxProfiles, the TxDefaultProfiles of the
     * connector and of connector 0, the TxProfiles of its running transaction, and where Relative
     * schedules begin (the transaction's start, or for a composite without one, its start).
     */
    record Stack(int connectorId, List<Installed> chargePointMax, List<Installed> txDefault, List<Installed> tx,
                 Instant relativeStart) {

        Stack {
            chargePointMax = List.copyOf(chargePointMax);
            txDefault = List.copyOf(txDefault);
            tx = List.copyOf(tx);
        }

        Stream<Installed> all() {
            return Stream.of(chargePointMax, txDefault, tx).flatMap(List::stream);
        }
    }

    /** The limit in force at {@code t}, empty where no profile has a period (the station's own limit applies). */
    static Optional<Limit> limitAt(Stack stack, Instant t) {
        Optional<Limit> max = leading(stack.chargePointMax(), stack, t);
        boolean txInForce = stack.tx().stream().anyMatch(p -> isValid(p.profile(), t));
        Optional<Limit> transaction = leading(txInForce ? stack.tx() : stack.txDefault(), stack, t);
        return Stream.of(max, transaction).flatMap(Optional::stream).min(Comparator.comparingDouble(Limit::watts));
    }

    /**
     * The composite schedule from {@code start} for {@code durationSeconds}, in {@code unit}: a period
     * wherever the limit in force changes (at whole seconds from the start, the first second at or
     * after the change), consecutive periods of the same limit merged, the station's own limit where
     * no profile has a period.
     */
    static List<ChargingSchedulePeriod> composite(Stack stack, Instant start, int durationSeconds, ChargingRateUnitType unit,
                                                  Limit own) {
        Instant end = start.plusSeconds(durationSeconds);
        TreeSet<Integer> offsets = new TreeSet<>();
        offsets.add(0);
        for (Instant change : changes(stack, start, end)) {
            long millis = Duration.between(start, change).toMillis();
            int second = (int) ((millis + 999) / 1000);
            if (second < durationSeconds) {
                offsets.add(second);
            }
        }
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        for (int offset : offsets) {
            Limit limit = limitAt(stack, start.plusSeconds(offset)).orElse(own);
            ChargingSchedulePeriod period = new ChargingSchedulePeriod(offset, limit.in(unit), limit.phases());
            ChargingSchedulePeriod last = periods.isEmpty() ? null : periods.get(periods.size() - 1);
            if (last == null || !last.limit().equals(period.limit()) || !last.numberPhases().equals(period.numberPhases())) {
                periods.add(period);
            }
        }
        return periods;
    }

    /** The first instant after {@code after}, within {@code horizon}, at which the limit in force may change. */
    static Optional<Instant> nextChange(Stack stack, Instant after, Duration horizon) {
        return changes(stack, after, after.plus(horizon)).stream().findFirst();
    }

    /** Every instant strictly between {@code from} and {@code to} where a profile begins, ends, or changes period. */
    static TreeSet<Instant> changes(Stack stack, Instant from, Instant to) {
        TreeSet<Instant> changes = new TreeSet<>();
        stack.all().forEach(installed -> {
            ChargingProfile p = installed.profile();
            Stream.of(p.validFrom(), p.validTo()).filter(java.util.Objects::nonNull).forEach(changes::add);
            ChargingSchedule schedule = p.chargingSchedule();
            Instant base = base(installed, stack.relativeStart());
            List<Instant> repeats = new ArrayList<>();
            Optional<Duration> recurrence = recurrence(p);
            if (recurrence.isPresent()) {
                Duration every = recurrence.get();
                long first = Math.max(0, Math.floorDiv(Duration.between(base, from).toMillis(), every.toMillis()));
                long last = Math.floorDiv(Duration.between(base, to).toMillis(), every.toMillis());
                for (long k = first; k <= last; k++) {
                    repeats.add(base.plus(every.multipliedBy(k)));
                }
            } else {
                repeats.add(base);
            }
            for (Instant repeat : repeats) {
                for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
                    changes.add(repeat.plusSeconds(period.startPeriod()));
                }
                if (schedule.duration() != null) {
                    changes.add(repeat.plusSeconds(schedule.duration()));
                }
            }
        });
        return new TreeSet<>(changes.subSet(from, false, to, false));
    }

    /** The leading profile's limit at {@code t}: highest stack level first, the connector's own before connector 0's. */
    private static Optional<Limit> leading(List<Installed> profiles, Stack stack, Instant t) {
        return profiles.stream()
                .sorted(Comparator.comparingInt((Installed i) -> i.profile().stackLevel()).reversed()
                        .thenComparing(i -> i.connectorId() == stack.connectorId() ? 0 : 1))
                .filter(i -> isValid(i.profile(), t))
                .map(i -> periodAt(i, stack.relativeStart(), t).map(period -> limitOf(i.profile(), period)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    static boolean isValid(ChargingProfile p, Instant t) {
        return (p.validFrom() == null || !t.isBefore(p.validFrom())) && (p.validTo() == null || t.isBefore(p.validTo()));
    }

    /** The period of the profile's schedule at {@code t}, if its schedule has one then. */
    static Optional<ChargingSchedulePeriod> periodAt(Installed installed, Instant relativeStart, Instant t) {
        ChargingProfile p = installed.profile();
        ChargingSchedule schedule = p.chargingSchedule();
        long offset = Duration.between(base(installed, relativeStart), t).toMillis();
        if (offset < 0) {
            return Optional.empty();
        }
        Optional<Duration> recurrence = recurrence(p);
        if (recurrence.isPresent()) {
            offset %= recurrence.get().toMillis();
        }
        if (schedule.duration() != null && offset >= schedule.duration() * 1000L) {
            return Optional.empty();
        }
        ChargingSchedulePeriod found = null;
        for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
            if (period.startPeriod() * 1000L <= offset) {
                found = period;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Where the profile's schedule begins: its start, else (Absolute) its validity's start or its arrival; Relative: the transaction's start. */
    static Instant base(Installed installed, Instant relativeStart) {
        ChargingProfile p = installed.profile();
        Instant startSchedule = p.chargingSchedule().startSchedule();
        if (p.chargingProfileKind() == ChargingProfileKindType.Relative) {
            return relativeStart;
        }
        if (startSchedule != null) {
            return startSchedule;
        }
        return p.validFrom() != null && p.chargingProfileKind() == ChargingProfileKindType.Absolute ? p.validFrom()
                : installed.receivedAt();
    }

    private static Optional<Duration> recurrence(ChargingProfile p) {
        if (p.chargingProfileKind() != ChargingProfileKindType.Recurring) {
            return Optional.empty();
        }
        return Optional.of(p.recurrencyKind() == RecurrencyKindType.Weekly ? WEEK : DAY);
    }

    private static Limit limitOf(ChargingProfile p, ChargingSchedulePeriod period) {
        int phases = period.numberPhases() == null ? DEFAULT_PHASES : period.numberPhases();
        return new Limit(period.limit(), p.chargingSchedule().chargingRateUnit(), phases);
    }
}
