package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.Waits;
import io.chargecheck.certification.octt.SmartCharging.LimitSet;
import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.Phase;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.UnitOfMeasure;
import io.chargecheck.ocpp.message.SmartCharging.ChargingRateUnitType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Beyond the OCA's plan, which checks messages only: once the station has accepted a limit for the
 * running transaction, its MeterValues must show it charging within that limit (Current.Import and
 * Current.Offered per phase, Power.Active.Import in total), give or take the tolerance
 * {@code chargecheck.octt.limitTolerance} (percent), from {@code chargecheck.octt.limitSettle}
 * seconds after the limit was accepted. A station that accepts a profile and keeps charging at full
 * power is a defect platforms meet; OCPP 1.6 requires it to follow the profile, so the finding is a
 * non-conformance (a failure under chargecheck.strict).
 */
public final class ChargingLimitCheck {

    static final List<Measurand> FOLLOWED = List.of(Measurand.CurrentImport, Measurand.PowerActiveImport,
            Measurand.CurrentOffered);
    private static final Set<Phase> LINES = EnumSet.of(Phase.L1, Phase.L2, Phase.L3);
    private static final Set<ReadingContext> SAMPLES = EnumSet.of(ReadingContext.SamplePeriodic, ReadingContext.Trigger);

    private final Context context;
    /** Why the meter values cannot show it, when the station would not sample what shows it. */
    private String unchecked;
    private int interval;

    public ChargingLimitCheck(Context context) {
        this.context = context;
    }

    /**
     * Asks the station to add current and power to MeterValuesSampledData, those it takes, and to
     * sample every test meter interval; what it will not take leaves the check undone, not failed.
     */
    public void sampleCurrentAndPower() {
        try {
            List<String> sampled = new ArrayList<>(context.platform().readKey("MeterValuesSampledData").map(KeyValue::value)
                    .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of()));
            List<String> wanted = new ArrayList<>(new LinkedHashSet<>(concat(sampled, FOLLOWED.stream()
                    .map(PayloadValidator::wireName).toList())));
            if (!takes("MeterValuesSampledData", String.join(",", wanted))) {
                for (Measurand measurand : FOLLOWED) { // the ones the station has, one by one
                    List<String> more = concat(sampled, List.of(PayloadValidator.wireName(measurand)));
                    if (!sampled.contains(PayloadValidator.wireName(measurand)) && takes("MeterValuesSampledData", String.join(",", more))) {
                        sampled = more;
                    }
                }
                if (FOLLOWED.stream().map(PayloadValidator::wireName).noneMatch(sampled::contains)) {
                    unchecked = "the station takes none of " + names() + " in MeterValuesSampledData";
                    return;
                }
            }
            interval = context.settings().testMeterInterval();
            if (!takes("MeterValueSampleInterval", String.valueOf(interval))) {
                unchecked = "the station does not take MeterValueSampleInterval = " + interval + " at once";
            }
        } catch (AssertionError e) {
            unchecked = e.getMessage();
        }
    }

    private boolean takes(String key, String value) {
        return context.platform().changeConfiguration(key, value) == ConfigurationStatus.Accepted;
    }

    /** The first MeterValues of the transaction taken after the limit settled keep within it (an observation if not). */
    public void assertFollowed(LimitSet limit) {
        if (unchecked != null) {
            context.observations().note("beyond the OCA's plan, whether the charging follows the limit was not checked: "
                    + unchecked);
            return;
        }
        context.beyondTheScript(() -> check(limit));
    }

    private void check(LimitSet limit) {
        int transactionId = context.scene().transactionId;
        Duration settle = context.settings().octtSeconds("limitSettle", 0, 10);
        int tolerance = context.settings().octtInteger("limitTolerance", 10, 0, 100);
        Instant from = limit.at().plus(settle);
        Duration timeout = Duration.ofSeconds(interval).multipliedBy(2).plus(settle).plus(context.timeouts().message());
        Received<MeterValuesRequest> sample;
        try {
            sample = Waits.await("MeterValues of transaction " + transactionId + " with " + names()).atMost(timeout)
                    .until(() -> context.evidence().received(MeterValuesRequest.class, limit.mark()).stream()
                            .filter(r -> r.message().transactionId() != null && r.message().transactionId() == transactionId)
                            .filter(r -> !r.entry().time().isBefore(from) && !readings(r.message()).isEmpty())
                            .findFirst(), Optional::isPresent).orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected MeterValues of transaction " + transactionId + " with " + names() + " within "
                    + Describe.seconds(timeout) + " of the limit being accepted, every " + interval + " s as configured; none came",
                    null);
        }
        double factor = 1 + tolerance / 100.0;
        double amps = limit.unit() == ChargingRateUnitType.A ? limit.value() : limit.value() / (230.0 * limit.phases());
        double watts = limit.unit() == ChargingRateUnitType.W ? limit.value() : limit.value() * 230.0 * limit.phases();
        List<String> over = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Reading r : readings(sample.message())) {
            double allowed = r.measurand() == Measurand.PowerActiveImport ? watts : amps;
            seen.add(r.describe());
            if (r.value() > allowed * factor) {
                over.add(r.describe() + ", above " + number(allowed * factor) + " " + r.unit());
            }
        }
        String set = number(limit.value()) + " " + limit.unit() + (limit.unit() == ChargingRateUnitType.A ? " per phase" : "")
                + " on " + limit.phases() + (limit.phases() == 1 ? " phase" : " phases");
        if (!over.isEmpty()) {
            throw new AssertionError("the station accepted a limit of " + set + " for transaction " + transactionId + " at "
                    + Describe.time(limit.at()) + ", yet its MeterValues at " + Describe.time(sample.entry().time()) + " show "
                    + String.join(", ", over) + " (the limit plus the tolerance of " + tolerance + " %)", null);
        }
        context.observations().note("beyond the OCA's plan: the charging keeps within the limit of " + set + ": "
                + String.join(", ", seen) + " at " + Describe.time(sample.entry().time()));
    }

    /** A current per phase (the highest) or a power in total, from one MeterValues. */
    private record Reading(Measurand measurand, double value, String unit) {
        String describe() {
            return PayloadValidator.wireName(measurand) + " " + number(value) + " " + unit;
        }
    }

    private static List<Reading> readings(MeterValuesRequest message) {
        List<SampledValue> values = message.meterValue().stream().flatMap(v -> v.sampledValue().stream())
                .filter(v -> v.context() == null || SAMPLES.contains(v.context()))
                .filter(v -> FOLLOWED.contains(v.measurand())).toList();
        List<Reading> readings = new ArrayList<>();
        for (Measurand measurand : FOLLOWED) {
            List<SampledValue> of = values.stream().filter(v -> v.measurand() == measurand).toList();
            Optional<Double> total = of.stream().filter(v -> v.phase() == null).map(ChargingLimitCheck::parse)
                    .flatMap(Optional::stream).findFirst();
            List<Double> phases = of.stream().filter(v -> v.phase() != null && v.phase() != Phase.N)
                    .filter(v -> measurand == Measurand.PowerActiveImport || LINES.contains(v.phase()))
                    .map(ChargingLimitCheck::parse).flatMap(Optional::stream).toList();
            boolean power = measurand == Measurand.PowerActiveImport;
            Optional<Double> reading = power
                    ? total.or(() -> phases.isEmpty() ? Optional.empty() : Optional.of(phases.stream().mapToDouble(d -> d).sum()))
                    : phases.isEmpty() ? total : phases.stream().max(Double::compare);
            reading.ifPresent(value -> readings.add(new Reading(measurand, value, power ? "W" : "A")));
        }
        return readings;
    }

    /** The value in W or A; kW counts as 1000 W. A value that is not a number tells nothing. */
    private static Optional<Double> parse(SampledValue v) {
        try {
            double value = Double.parseDouble(v.value().strip());
            return Optional.of(v.unit() == UnitOfMeasure.kW ? value * 1000 : value);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String names() {
        return FOLLOWED.stream().map(PayloadValidator::wireName).collect(Collectors.joining(", "));
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
