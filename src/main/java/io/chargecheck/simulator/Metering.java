package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * The meters (Core): energy flows while a connector charges, and MeterValues go out at the
 * transaction's begin, every MeterValueSampleInterval while it runs, and when triggered.
 */
final class Metering {

    private final Station station;
    private final ConfigurationStore configuration;
    private ScheduledFuture<?> aligned;

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
        send(c, c.meter.sample(measurands, context, station.now()));
    }

    private void send(Connector c, MeterValue sample) {
        Connector.Transaction tx = c.transaction;
        if (tx == null) {
            station.outbox.send(new MeterValuesRequest(c.id, null, List.of(sample)));
        } else if (!station.outbox.isOnline() && station.has(Quirk.OFFLINE_METER_VALUES_DROPPED)) {
            station.log.info("offline: MeterValues of transaction {} not kept (quirk offline-meter-values-dropped)", tx.wireId());
        } else {
            station.outbox.sendTransactional(new MeterValuesRequest(c.id, tx.wireId(), List.of(sample)), tx.localId);
        }
    }

    // ------------------------------------------------------------------ clock-aligned readings

    /**
     * (Re)starts the clock-aligned readings: every ClockAlignedDataInterval seconds from midnight
     * (UTC), MeterValues of MeterValuesAlignedData with context Sample.Clock, timestamped at the
     * interval's boundary, for every connector (part of its transaction when one runs); a running
     * transaction also keeps a reading of StopTxnAlignedData for its StopTransaction.
     */
    void alignClock() {
        stopClock();
        int seconds = configuration.intValue(ConfigurationStore.CLOCK_ALIGNED_DATA_INTERVAL);
        if (seconds <= 0) {
            return;
        }
        if (station.has(Quirk.METER_VALUES_NOT_CLOCK_ALIGNED)) {
            station.log.info("clock-aligned readings every {} s from now, not from midnight (quirk meter-values-not-clock-aligned)",
                    seconds);
            unaligned(offBoundary(station.now(), seconds), Duration.ofSeconds(seconds));
            return;
        }
        nextBoundary(seconds, null);
    }

    /**
     * Where the defect counts from: now, but never within a quarter interval of the clock's
     * boundaries (half an interval on), so that whether the readings are aligned does not depend on
     * the moment the key was set.
     */
    static Instant offBoundary(Instant now, int seconds) {
        long interval = seconds * 1000L;
        long phase = Duration.between(now.truncatedTo(ChronoUnit.DAYS), now).toMillis() % interval;
        return phase < interval / 4 || phase > interval - interval / 4 ? now.plusMillis(interval / 2) : now;
    }

    private void unaligned(Instant last, Duration interval) {
        Instant next = last.plus(interval);
        aligned = station.schedule(() -> {
            clockReading(next);
            unaligned(next, interval);
        }, Duration.between(station.clock.instant(), next));
    }

    void stopClock() {
        EventLoop.cancel(aligned);
        aligned = null;
    }

    private void nextBoundary(int seconds, Instant last) {
        Instant now = station.clock.instant();
        Instant next = boundaryAfter(now, last, seconds);
        aligned = station.schedule(() -> {
            clockReading(next);
            nextBoundary(seconds, next);
        }, Duration.between(now, next));
    }

    /**
     * The first boundary of the interval (counted from midnight, the last one of a day cut short at
     * midnight) after now and after the boundary last read: a timer that fires a hair before its
     * time by the wall clock must not read the same boundary twice.
     */
    static Instant boundaryAfter(Instant now, Instant last, int seconds) {
        Instant from = last != null && last.isAfter(now) ? last : now;
        Instant midnight = from.truncatedTo(ChronoUnit.DAYS);
        long interval = seconds * 1000L;
        long sinceMidnight = Duration.between(midnight, from).toMillis();
        Instant boundary = midnight.plusMillis((sinceMidnight / interval + 1) * interval);
        Instant tomorrow = midnight.plus(1, ChronoUnit.DAYS);
        return boundary.isAfter(tomorrow) ? tomorrow : boundary;
    }

    private void clockReading(Instant at) {
        List<Measurand> measurands = configuration.measurands(ConfigurationStore.METER_VALUES_ALIGNED_DATA);
        List<Measurand> stopTxn = configuration.measurands(ConfigurationStore.STOP_TXN_ALIGNED_DATA);
        for (int id = 1; id < station.connectors.length; id++) {
            Connector c = station.connectors[id];
            if (!measurands.isEmpty()) {
                send(c, c.meter.sample(measurands, ReadingContext.SampleClock, at));
            }
            if (c.transaction != null && !stopTxn.isEmpty()) {
                c.transaction.alignedSamples.add(c.meter.sample(stopTxn, ReadingContext.SampleClock, at));
            }
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
