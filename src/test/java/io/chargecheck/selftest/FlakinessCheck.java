package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.selftest.SuiteRun.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The other direction of the self-test: a simulator without quirks passes every case, run after
 * run. On demand only (it takes minutes):
 * {@code mvn test -Dtest=FlakinessCheck -Dchargecheck.flakiness.runs=10}.
 */
@EnabledIfSystemProperty(named = "chargecheck.flakiness.runs", matches = "\\d+")
class FlakinessCheck {

    /** The simulator profile's own timeouts, as mvn verify uses them, not the self-test's shorter ones. */
    private static final Map<String, String> CI_TIMEOUTS = Map.of(
            "timeout.message", "5", "timeout.call", "5", "timeout.reboot", "10", "timeout.firmware", "15");

    @Test
    void aWellBehavedSimulatorPassesEveryCaseEveryTime() {
        int runs = Integer.parseInt(System.getProperty("chargecheck.flakiness.runs"));
        List<Result> failed = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Result result = SuiteRun.run("flakiness-" + run, CI_TIMEOUTS);
            System.out.println("flakiness run " + run + "/" + runs + ": " + result);
            if (!result.failures().isEmpty()) {
                failed.add(result);
            }
        }
        System.out.printf("flakiness: %d of %d runs failed (%.1f %%)%n", failed.size(), runs, 100.0 * failed.size() / runs);
        assertThat(failed).as("runs with a failure").isEmpty();
    }
}
