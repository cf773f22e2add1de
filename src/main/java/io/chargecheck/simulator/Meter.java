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
 * noise around 230 V and 16 A, zero current when nothing is drawn).
 */
final class Meter {

    /** The measurands this meter can sample; others in MeterValuesSampledData are refused. */
    static final Set<Measurand> SUPPORTED = Collections.unmodifiableSet(EnumSet.of(
            Measurand.EnergyActiveImportRegister, Measurand.PowerActiveImport, Measurand.CurrentImport,
            Measurand.CurrentOffered, Measurand.PowerOffered, Measurand.Voltage, Measurand.Temperature));

    static final double NOMINAL_VOLTAGE = 230.0;
    static final double MAX_CURRENT = 16.0;
    static final int PHASES = 3;
    /** What flows while charging: 3 x 230 V x 16 A = 11.04 kW. */
    static final double CHARGING_POWER_W = PHASES * NOMINAL_VOLTAGE * MAX_CURRENT;

    private static final Phase[] LINE = {Phase.L1, Phase.L2, Phase.L3};
    private static final Phase[] LINE_TO_NEUTRAL = {Phase.L1_N, Phase.L2_N, Phase.L3_N};

    private final Random noise;
    private double energyWh;
    private boolean flowing;
    private Instant since;

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

    double energyWh(Instant now) {
        if (!flowing || now.isBefore(since)) {
            return energyWh;
        }
        double hours = Duration.between(since, now).toNanos() / 3.6e12;
        return energyWh + CHARGING_POWER_W * hours;
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
            amps[p] = flowing ? MAX_CURRENT - Math.abs(noise.nextGaussian()) * 0.2 : 0.0;
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
                case CurrentOffered -> values.add(value(decimal(MAX_CURRENT), context, measurand, null, UnitOfMeasure.A));
                case PowerOffered -> values.add(value(decimal(CHARGING_POWER_W), context, measurand, null, UnitOfMeasure.W));
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

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
