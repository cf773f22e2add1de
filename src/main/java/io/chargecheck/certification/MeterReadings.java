package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Case 8: which measurands the station samples, how often, and the readings at start and stop. */
public final class MeterReadings {

    static final List<Measurand> WANTED = List.of(Measurand.EnergyActiveImportRegister, Measurand.Voltage,
            Measurand.CurrentImport, Measurand.PowerActiveImport);
    private static final Set<Measurand> VOLTAGE_CURRENT_POWER = EnumSet.of(Measurand.Voltage, Measurand.CurrentImport,
            Measurand.PowerActiveImport);

    private final Context context;

    public MeterReadings(Context context) {
        this.context = context;
    }

    /** Asks for energy, voltage, current and power every test interval; names the measurand a station refuses. */
    public void sampleEverythingAtTestInterval() {
        String all = WANTED.stream().map(PayloadValidator::wireName).collect(Collectors.joining(","));
        ConfigurationStatus status = context.platform().changeConfiguration("MeterValuesSampledData", all);
        if (status == ConfigurationStatus.RebootRequired) {
            context.scene().rebootRequired.add("MeterValuesSampledData");
        } else if (status != ConfigurationStatus.Accepted) {
            throw new AssertionError("expected the station to accept MeterValuesSampledData = " + all + "; it answered "
                    + status + refusedOneByOne(), null);
        }
        context.platform().changeConfiguration("StopTxnSampledData", PayloadValidator.wireName(Measurand.EnergyActiveImportRegister));
        int interval = context.platform().differentFromCurrent("MeterValueSampleInterval", context.settings().testMeterInterval());
        context.platform().configure("MeterValueSampleInterval", String.valueOf(interval));
        context.scene().testInterval = interval;
        new Resets(context).applyRebootRequiredChanges();
    }

    private String refusedOneByOne() {
        List<String> refused = new ArrayList<>();
        for (Measurand measurand : WANTED) {
            String name = PayloadValidator.wireName(measurand);
            ConfigurationStatus alone = context.platform().changeConfiguration("MeterValuesSampledData", name);
            if (alone != ConfigurationStatus.Accepted) {
                refused.add(name + " (" + alone + ")");
            }
        }
        return refused.isEmpty() ? "" : "; refused measurand: " + String.join(", ", refused);
    }

    public void assertStartAndStopReadings(StopTransactionRequest stop) {
        int transactionId = stop.transactionId();
        List<SampledValue> samples = samplesOf(transactionId, stop).toList();
        boolean begin = samples.stream().anyMatch(s -> s.context() == ReadingContext.TransactionBegin);
        boolean end = samples.stream().anyMatch(s -> s.context() == ReadingContext.TransactionEnd);
        if (!begin || !end) {
            String contexts = samples.stream().map(s -> s.context() == null ? "Sample.Periodic (default)" : PayloadValidator.wireName(s.context()))
                    .distinct().collect(Collectors.joining(", "));
            throw new AssertionError("expected meter values of transaction " + transactionId + " with context Transaction.Begin"
                    + " and Transaction.End (in MeterValues or the StopTransaction's transactionData); missing: "
                    + (begin ? "" : "Transaction.Begin ") + (end ? "" : "Transaction.End")
                    + "; received contexts: " + (contexts.isEmpty() ? "none" : contexts), null);
        }
    }

    public void assertTestInterval() {
        int transactionId = runningTransaction();
        Cadence.assertInterval(context.evidence(), MeterValuesRequest.class, "MeterValues of transaction " + transactionId,
                m -> isPeriodicOf(m, transactionId), context.scene().start,
                Duration.ofSeconds(context.scene().testInterval == null ? context.settings().testMeterInterval()
                        : context.scene().testInterval));
    }

    public void assertVoltageCurrentAndPower() {
        int transactionId = runningTransaction();
        Duration timeout = Duration.ofSeconds(context.settings().testMeterInterval()).multipliedBy(2)
                .plus(context.timeouts().message());
        try {
            context.evidence().next(MeterValuesRequest.class)
                    .matching("of transaction " + transactionId + " with voltage, current and power",
                            m -> transactionId == orZero(m.transactionId()) && measurands(m).containsAll(VOLTAGE_CURRENT_POWER))
                    .after(context.scene().start).within(timeout);
        } catch (AssertionError e) {
            Set<Measurand> seen = EnumSet.noneOf(Measurand.class);
            context.evidence().messages(MeterValuesRequest.class, context.scene().start)
                    .forEach(m -> seen.addAll(measurands(m)));
            throw new AssertionError("expected MeterValues of transaction " + transactionId + " with Voltage, Current.Import and "
                    + "Power.Active.Import within " + Describe.seconds(timeout) + "; measurands received: "
                    + (seen.isEmpty() ? "none" : seen.stream().map(PayloadValidator::wireName).collect(Collectors.joining(", "))),
                    null);
        }
    }

    private Stream<SampledValue> samplesOf(int transactionId, StopTransactionRequest stop) {
        Stream<MeterValue> fromMeterValues = context.evidence().received(MeterValuesRequest.class, context.scene().start).stream()
                .map(Received::message)
                .filter(m -> orZero(m.transactionId()) == transactionId)
                .flatMap(m -> m.meterValue().stream());
        Stream<MeterValue> fromStop = stop.transactionData() == null ? Stream.empty() : stop.transactionData().stream();
        return Stream.concat(fromMeterValues, fromStop).flatMap(value -> value.sampledValue().stream());
    }

    private static boolean isPeriodicOf(MeterValuesRequest m, int transactionId) {
        return orZero(m.transactionId()) == transactionId && m.meterValue().stream()
                .flatMap(v -> v.sampledValue().stream())
                .anyMatch(s -> s.context() == null || s.context() == ReadingContext.SamplePeriodic);
    }

    private static Set<Measurand> measurands(MeterValuesRequest m) {
        Set<Measurand> found = EnumSet.noneOf(Measurand.class);
        m.meterValue().forEach(v -> v.sampledValue().forEach(s ->
                found.add(s.measurand() == null ? Measurand.EnergyActiveImportRegister : s.measurand())));
        return found;
    }

    private int runningTransaction() {
        if (context.scene().transactionId == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return context.scene().transactionId;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
