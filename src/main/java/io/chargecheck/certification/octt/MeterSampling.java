package io.chargecheck.certification.octt;

import io.chargecheck.certification.Cadence;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.Waits;
import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * TC_070_CS and TC_071_CS: the readings a station takes during a transaction, sampled every
 * MeterValueSampleInterval or aligned to the clock every ClockAlignedDataInterval, each with a
 * value for every measurand its configuration key names.
 */
public final class MeterSampling {

    /** How many readings the OCA observes: three intervals' worth. */
    static final int READINGS = 3;
    /** Readings of these contexts belong to the transaction's edges or to a trigger, not to its series. */
    private static final Set<ReadingContext> NOT_OF_THE_SERIES = EnumSet.of(ReadingContext.TransactionBegin,
            ReadingContext.TransactionEnd, ReadingContext.Trigger);
    private static final String ENERGY = PayloadValidator.wireName(Measurand.EnergyActiveImportRegister);

    private final Context context;
    private final ReusableStates states;
    private Duration interval;
    private List<String> measurands = List.of(ENERGY);
    private String measurandKey = "MeterValuesSampledData";
    private List<MeterValue> series = List.of();

    public MeterSampling(Context context) {
        this.context = context;
        this.states = new ReusableStates(context);
    }

    /** The interval of the sampled readings: the test meter interval of the settings. */
    public static Duration sampleInterval(Context context) {
        return Duration.ofSeconds(context.settings().testMeterInterval());
    }

    /** TC_070_CS's and TC_036_CS's Before: MeterValueSampleInterval the test interval, clock-aligned readings off or left. */
    public void sampleAtTheTestInterval(boolean clockAlignedOff) {
        interval = sampleInterval(context);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("MeterValueSampleInterval", String.valueOf(interval.toSeconds()));
        if (clockAlignedOff) {
            keys.put("ClockAlignedDataInterval", "0");
        }
        states.configure(keys, false);
    }

    /**
     * TC_071_CS's Before: no sampled readings, clock-aligned ones every
     * {@code chargecheck.octt.clockAlignedDataInterval} seconds (2 on the simulator, 30 live).
     */
    public void alignToTheClockAtTheTestInterval() {
        interval = context.settings().octtSeconds("clockAlignedDataInterval", 2, 30);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("MeterValueSampleInterval", "0");
        keys.put("ClockAlignedDataInterval", String.valueOf(interval.toSeconds()));
        states.configure(keys, false);
    }

    /** The reusable state GetConfiguration for the key of the measurands; empty means energy, as the OCA reads it. */
    public void readMeasurands(String key) {
        measurandKey = key;
        String value = context.platform().readKey(key).map(KeyValue::value).orElse("");
        List<String> named = Arrays.stream(value.split(",")).map(String::strip).filter(m -> !m.isEmpty()).toList();
        measurands = named.isEmpty() ? List.of(ENERGY) : named;
    }

    /** TC_070_CS: three periodic readings of the transaction, one sample interval apart. */
    public void assertSampledSeries() {
        int transactionId = runningTransaction();
        Duration tolerance = Cadence.toleranceFor(interval);
        series = awaitSeries("periodic MeterValues of transaction " + transactionId, context.scene().start,
                m -> m.transactionId() != null && m.transactionId() == transactionId,
                interval.plus(tolerance).multipliedBy(READINGS).plus(context.timeouts().message()));
        assertSpacing(series, tolerance, "sample");
    }

    /** TC_071_CS: three clock-aligned readings of the connector, one interval apart, each on a boundary of the clock. */
    public void assertClockAlignedSeries() {
        int connector = context.connector();
        long started = startOf(runningTransaction());
        // the first boundary can be up to an interval after the start, then three intervals
        series = awaitSeries("clock-aligned MeterValues of connector " + connector, started, m -> m.connectorId() == connector,
                interval.multipliedBy(READINGS + 1).plus(context.timeouts().message()));
        Duration tolerance = alignmentTolerance();
        assertSpacing(series, tolerance, "clock-aligned");
        List<String> off = series.stream().filter(v -> offTheClock(v.timestamp()).compareTo(tolerance) > 0)
                .map(v -> Describe.time(v.timestamp())).toList();
        if (!off.isEmpty()) {
            throw new AssertionError("expected clock-aligned readings on the clock's " + Describe.seconds(interval)
                    + " boundaries counted from midnight (± " + Describe.seconds(tolerance) + "); these are not: "
                    + String.join(", ", off) + timestamps(series), null);
        }
    }

    /** Every reading of the series has the context of its kind and a value for every measurand its key names. */
    public void assertEveryReadingComplete(ReadingContext expected) {
        String contextName = PayloadValidator.wireName(expected);
        for (MeterValue reading : series) {
            List<String> contexts = reading.sampledValue().stream().map(MeterSampling::contextOf).distinct().toList();
            if (!contexts.equals(List.of(contextName))) {
                throw new AssertionError("expected every sampledValue of the reading at " + Describe.time(reading.timestamp())
                        + " to have context " + contextName + "; it has " + String.join(", ", contexts), null);
            }
            Set<String> present = reading.sampledValue().stream().map(MeterSampling::measurandOf)
                    .map(m -> m.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
            List<String> missing = measurands.stream().filter(m -> !present.contains(m.toLowerCase(Locale.ROOT))).toList();
            if (!missing.isEmpty()) {
                throw new AssertionError("expected the reading at " + Describe.time(reading.timestamp()) + " to have a value for "
                        + "every measurand " + measurandKey + " names (" + String.join(", ", measurands) + "); missing: "
                        + String.join(", ", missing) + "; it has: " + reading.sampledValue().stream()
                        .map(MeterSampling::measurandOf).distinct().collect(Collectors.joining(", ")), null);
            }
        }
    }

    /**
     * The readings of the series after the start of the scenario, in the order they came: every
     * MeterValues that matches, except those of a transaction's edges or of a trigger.
     */
    private List<MeterValue> awaitSeries(String what, long since, Predicate<MeterValuesRequest> of, Duration timeout) {
        try {
            return Waits.await(READINGS + " " + what)
                    .atMost(timeout)
                    .until(() -> readings(since, of), list -> list.size() >= READINGS)
                    .subList(0, READINGS);
        } catch (ConditionTimeoutException e) {
            List<MeterValue> came = readings(since, of);
            throw new AssertionError("expected " + READINGS + " " + what + " within " + Describe.seconds(timeout) + ", one every "
                    + Describe.seconds(interval) + "; received " + came.size() + timestamps(came), null);
        }
    }

    private List<MeterValue> readings(long since, Predicate<MeterValuesRequest> of) {
        List<MeterValue> found = new ArrayList<>();
        for (Received<MeterValuesRequest> received : context.evidence().received(MeterValuesRequest.class, since)) {
            if (of.test(received.message())) {
                received.message().meterValue().stream().filter(MeterSampling::ofTheSeries).forEach(found::add);
            }
        }
        return found;
    }

    private void assertSpacing(List<MeterValue> readings, Duration tolerance, String kind) {
        for (int i = 1; i < readings.size(); i++) {
            Duration gap = Duration.between(readings.get(i - 1).timestamp(), readings.get(i).timestamp());
            if (gap.minus(interval).abs().compareTo(tolerance) > 0) {
                throw new AssertionError("expected the " + kind + " readings one interval of " + Describe.seconds(interval)
                        + " apart (± " + Describe.seconds(tolerance) + "); two came " + Describe.seconds(gap) + " apart"
                        + timestamps(readings), null);
            }
        }
    }

    /** A tenth of the interval, at most a second: a reading timestamped at its boundary is on it to the millisecond. */
    private Duration alignmentTolerance() {
        Duration tenth = interval.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : tenth;
    }

    /** How far a time is from the nearest boundary of the interval, counted from midnight (UTC). */
    private Duration offTheClock(Instant time) {
        long millis = interval.toMillis();
        long phase = Duration.between(time.truncatedTo(ChronoUnit.DAYS), time).toMillis() % millis;
        return Duration.ofMillis(Math.min(phase, millis - phase));
    }

    private static boolean ofTheSeries(MeterValue value) {
        return value.sampledValue().stream().anyMatch(s -> !NOT_OF_THE_SERIES.contains(s.context()));
    }

    private static String contextOf(SampledValue value) {
        return PayloadValidator.wireName(value.context() == null ? ReadingContext.SamplePeriodic : value.context());
    }

    private static String measurandOf(SampledValue value) {
        return value.measurand() == null ? ENERGY : PayloadValidator.wireName(value.measurand());
    }

    private static String timestamps(List<MeterValue> readings) {
        return readings.isEmpty() ? "" : " (timestamped " + readings.stream().map(v -> Describe.time(v.timestamp()))
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Where the transaction's StartTransaction is in the journal: its readings come after it. */
    private long startOf(int transactionId) {
        return context.evidence().received(StartTransactionRequest.class, context.scene().start).stream()
                .filter(start -> context.evidence().answerTo(start.entry()).flatMap(a -> a.message(StartTransactionResponse.class))
                        .filter(answer -> answer.transactionId() == transactionId).isPresent())
                .map(start -> start.entry().seq()).findFirst().orElse(context.scene().start);
    }

    private int runningTransaction() {
        if (context.scene().transactionId == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return context.scene().transactionId;
    }
}
