package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.Location;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.Phase;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.UnitOfMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The meter of one connector of a three-phase 16 A station: an energy register that rises while
 * energy flows, and voltage, current and power per phase that look like a real grid (a little
 * noise around 230 V and the current offered, never above it, zero current when nothing is drawn).
 * The current offered is 16 A on three phases, or less where a charging limit holds it down.
 */
final class Meter {

    /** The measurands this meter can sample; others in MeterValuesSampledData are refused. */
    static final Set<Measurand> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
            Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport, Measurand.CurrentImport,
            Measurand.CurrentOffered, Measurand.PowerOffered, Measurand.Voltage, Measurand.Temperature));

    static final double NOMINAL_VOLTAGE = 230.0;
    static final double MAX_CURRENT = 16.0;
    static final int PHASES = 3;

    private static final Phase[] LINE = {Phase.L1, Phase.L2, Phase.L3};
    private static final Phase[] LINE_TO_NEUTRAL = {Phase.L1_N, Phase.L2_N, Phase.L3_N};

    private final Random noise;
    private double energyWh;
    private boolean flowing;
    private Instant since;
    /** What the station offers the EV, per phase, and on how many phases: a charging limit may hold it down. */
    private double offeredAmps = MAX_CURRENT;
    private int phases = PHASES;

    Meter(double initialEnergyWh, long seed, Instant now) {
        this.energyWh = initialEnergyWh;
        this.noise = new Random(seed);
        this.since = now;
    }

    /** Energy starts or stops flowing at {@code now}; what flowed until then is counted first. */
    void flowing(boolean flowing, Instant now) {
        energyWh = energyWh(now);
        since = now;
        this.flowing = flowing;
    }

    boolean isFlowing() {
        return flowing;
    }

    /** From {@code now} the station offers this current per phase on this many phases; what flowed until then is counted first. */
    void limit(double ampsPerPhase, int phases, Instant now) {
        if (ampsPerPhase == offeredAmps && phases == this.phases) {
            return;
        }
        energyWh = energyWh(now);
        since = now;
        this.offeredAmps = Math.max(0, Math.min(MAX_CURRENT, ampsPerPhase));
        this.phases = Math.max(1, Math.min(PHASES, phases));
    }

    /** The power that flows while charging: the current offered on its phases. */
    double chargingPowerW() {
        return phases * NOMINAL_VOLTAGE * offeredAmps;
    }

    double energyWh(Instant now) {
        if (!flowing || now.isBefore(since)) {
            return energyWh;
        }
        double hours = Duration.between(since, now).toNanos() / 3.6e12;
        return energyWh + chargingPowerW() * hours;
    }

    /** The register as the integer Wh of meterStart and meterStop. */
    int registerWh(Instant now) {
        return (int) Math.floor(energyWh(now));
    }

    /** One sample of the given measurands, in the order given; per phase where the quantity has phases. */
    MeterValue sample(List<Measurand> measurands, ReadingContext context, Instant now) {
        List<SampledValue> values = new ArrayList<>();
        double[] volts = new double[PHASES];
        double[] amps = new double[PHASES];
        for (int p = 0; p < PHASES; p++) {
            volts[p] = NOMINAL_VOLTAGE + noise.nextGaussian() * 1.5;
            double drawn = Math.max(0.0, offeredAmps - Math.abs(noise.nextGaussian()) * 0.2);
            // at a voltage above nominal, the power offered (not the current) is what holds it down
            amps[p] = flowing && p < phases ? Math.min(drawn, offeredAmps * NOMINAL_VOLTAGE / volts[p]) : 0.0;
        }
        for (Measurand measurand : measurands) {
            switch (measurand) {
                case EnergyActiveImportRegister -> values.add(value(String.valueOf(registerWh(now)), context,
                        measurand, null, UnitOfMeasure.Wh));
                case Voltage -> {
                    for (int p = 0; p < PHASES; p++) {
                        values.add(value(decimal(volts[p]), context, measurand, LINE_TO_NEUTRAL[p], UnitOfMeasure.V));
                    }
                }
                case CurrentImport -> {
                    for (int p = 0; p < PHASES; p++) {
                        values.add(value(decimal(amps[p]), context, measurand, LINE[p], UnitOfMeasure.A));
                    }
                }
                case PowerActiveImport -> {
                    for (int p = 0; p < PHASES; p++) {
                        values.add(value(decimal(volts[p] * amps[p]), context, measurand, LINE[p], UnitOfMeasure.W));
                    }
                }
                case CurrentOffered -> values.add(value(down(offeredAmps), context, measurand, null, UnitOfMeasure.A));
                case PowerOffered -> values.add(value(down(chargingPowerW()), context, measurand, null, UnitOfMeasure.W));
                // "Celcius" is how the 1.6 schema spells it; central systems validating against it want that
                case Temperature -> values.add(new SampledValue(decimal(flowing ? 41.0 : 24.0), context, null, measurand,
                        null, Location.Body, UnitOfMeasure.Celcius));
                default -> throw new IllegalArgumentException(measurand + " is not measured by this meter");
            }
        }
        return new MeterValue(now, values);
    }

    private static SampledValue value(String value, ReadingContext context, Measurand measurand, Phase phase,
                                      UnitOfMeasure unit) {
        return new SampledValue(value, context, null, measurand, phase, Location.Outlet, unit);
    }

    /** A limit as the meter shows it: rounded down, so that the reading never claims more than is offered. */
    private static String down(double value) {
        return decimal(Math.floor(value * 10 + 1e-6) / 10);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
