package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.Phase;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.UnitOfMeasure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    private final Meter meter = new Meter(1_000.0, 42, T0);

    @Test
    void theRegisterRisesOnlyWhileEnergyFlows() {
        assertThat(meter.registerWh(T0.plusSeconds(3600))).isEqualTo(1_000);
        meter.flowing(true, T0.plusSeconds(3600));
        assertThat(meter.registerWh(T0.plus(Duration.ofMinutes(90)))).as("half an hour at 11.04 kW").isEqualTo(1_000 + 5_520);
        meter.flowing(false, T0.plus(Duration.ofMinutes(90)));
        assertThat(meter.registerWh(T0.plusSeconds(9 * 3600))).isEqualTo(6_520);
    }

    @Test
    void samplesVoltageCurrentAndPowerPerPhase() {
        meter.flowing(true, T0);
        MeterValue sample = meter.sample(List.of(Measurand.EnergyActiveImportRegister, Measurand.Voltage,
                Measurand.CurrentImport, Measurand.PowerActiveImport, Measurand.Temperature), ReadingContext.SamplePeriodic,
                T0.plusSeconds(60));

        assertThat(sample.timestamp()).isEqualTo(T0.plusSeconds(60));
        List<SampledValue> values = sample.sampledValue();
        assertThat(values).hasSize(1 + 3 + 3 + 3 + 1).allSatisfy(v -> assertThat(v.context()).isEqualTo(ReadingContext.SamplePeriodic));
        assertThat(values.get(0)).extracting(SampledValue::value, SampledValue::unit).containsExactly("1184", UnitOfMeasure.Wh);
        assertThat(values.subList(1, 4)).extracting(SampledValue::phase).containsExactly(Phase.L1_N, Phase.L2_N, Phase.L3_N);
        assertThat(values.subList(1, 4)).allSatisfy(v -> assertThat(Double.parseDouble(v.value())).isBetween(220.0, 240.0));
        assertThat(values.subList(4, 7)).extracting(SampledValue::phase).containsExactly(Phase.L1, Phase.L2, Phase.L3);
        assertThat(values.subList(4, 7)).allSatisfy(v -> assertThat(Double.parseDouble(v.value())).isBetween(15.0, 16.0));
        assertThat(values.subList(7, 10)).allSatisfy(v -> {
            assertThat(v.unit()).isEqualTo(UnitOfMeasure.W);
            assertThat(Double.parseDouble(v.value())).isBetween(3_300.0, 3_850.0);
        });
        assertThat(values.get(10).unit()).as("the 1.6 schema's spelling").isEqualTo(UnitOfMeasure.Celcius);
    }

    @Test
    void noCurrentWhenNothingFlowsAndNoMeasurandItDoesNotHave() {
        MeterValue idle = meter.sample(List.of(Measurand.CurrentImport), ReadingContext.Trigger, T0);
        assertThat(idle.sampledValue()).extracting(SampledValue::value).containsOnly("0.0");
        assertThatThrownBy(() -> meter.sample(List.of(Measurand.SoC), ReadingContext.Trigger, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Meter.SUPPORTED).doesNotContain(Measurand.SoC, Measurand.Frequency);
    }
}
