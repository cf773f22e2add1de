package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The meters (Core): energy flows while a connector charges, and MeterValues go out at the
 * transaction's begin, every MeterValueSampleInterval while it runs, and when triggered.
 */
final class Metering {

    private final Station station;
    private final ConfigurationStore configuration;

    Metering(Station station) {
        this.station = station;
        this.configuration = station.configuration;
    }

    /** Starts or stops the energy flow of each meter as its connector starts or stops charging. */
    void updateEnergyFlow() {
        Instant now = station.now();
        boolean stationFaulted = station.stationFaulted();
        for (Connector c : station.connectors) {
            if (c.meter != null) {
                boolean flowing = c.transaction != null && c.status(stationFaulted) == ChargePointStatus.Charging;
                if (flowing != c.meter.isFlowing()) {
                    c.meter.flowing(flowing, now);
                }
            }
        }
    }

    void scheduleSampling(Connector c) {
        c.stopSampling();
        if (c.transaction == null || station.has(Quirk.NO_METER_VALUES)) {
            return;
        }
        int seconds = station.has(Quirk.METER_INTERVAL_IGNORED) ? Quirk.FIXED_METER_INTERVAL_SECONDS
                : configuration.intValue(ConfigurationStore.METER_VALUE_SAMPLE_INTERVAL);
        if (seconds <= 0) {
            return;
        }
        c.sampling = station.loop.every(Duration.ofSeconds(seconds), () -> {
            if (c.transaction != null) {
                send(c, ReadingContext.SamplePeriodic);
            }
        });
    }

    /** MeterValueSampleInterval changed: running transactions sample at the new interval. */
    void sampleIntervalChanged() {
        station.chargingConnectors().forEach(this::scheduleSampling);
    }

    /** A MeterValues of the measurands of MeterValuesSampledData; part of the transaction if one runs. */
    void send(Connector c, ReadingContext context) {
        List<Measurand> measurands = sampledMeasurands();
        if (measurands.isEmpty()) {
            return;
        }
        MeterValue sample = c.meter.sample(measurands, context, station.now());
        Connector.Transaction tx = c.transaction;
        if (tx == null) {
            station.outbox.send(new MeterValuesRequest(c.id, null, List.of(sample)));
        } else {
            station.outbox.sendTransactional(new MeterValuesRequest(c.id, tx.wireId(), List.of(sample)), tx.localId);
        }
    }

    /** The reading a transaction that ends at {@code stop} took just before it, kept for its StopTransaction's replay. */
    void sendLastReading(Connector c, Connector.Transaction tx, Instant stop) {
        List<Measurand> measurands = sampledMeasurands();
        if (measurands.isEmpty()) {
            return;
        }
        Instant taken = stop.minusSeconds(1).isAfter(tx.started) ? stop.minusSeconds(1) : tx.started;
        MeterValue sample = c.meter.sample(measurands, ReadingContext.SamplePeriodic, taken);
        station.outbox.sendTransactional(new MeterValuesRequest(c.id, tx.wireId(), List.of(sample)), tx.localId);
    }

    private List<Measurand> sampledMeasurands() {
        return station.has(Quirk.METER_VALUES_ENERGY_ONLY)
                ? List.of(Measurand.EnergyActiveImportRegister)
                : configuration.measurands(ConfigurationStore.METER_VALUES_SAMPLED_DATA);
    }
}
