package io.chargecheck.suite;

import io.chargecheck.config.Settings;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A harness, not a test: runs a plan against the simulator one scenario after another on one
 * station, then side by side with a station per scenario, and prints both runs' wall time next to
 * the sum of their scenarios' own times.
 * {@code mvn -q test-compile exec:java@suite-times -Dexec.args="--plan script --parallelism 8"}.
 */
public final class SuiteTimes {

    private SuiteTimes() {
    }

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>(Map.of("--plan", "script", "--parallelism",
                String.valueOf(Math.min(16, 4 * Runtime.getRuntime().availableProcessors()))));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String plan = options.get("--plan");
        LaunchResult serial = launch(plan, "1");
        LaunchResult parallel = launch(plan, options.get("--parallelism"));
        System.out.printf(Locale.ROOT, "%-34s %9s %10s %15s %8s%n", "run", "scenarios", "wall", "scenario time", "ratio");
        print("one after the other, one station", serial);
        print("side by side, parallelism " + options.get("--parallelism"), parallel);
        System.exit(serial.failures().isEmpty() && parallel.failures().isEmpty() ? 0 : 1);
    }

    private static LaunchResult launch(String plan, String parallelism) {
        AtomicReference<Settings> settings = new AtomicReference<>();
        Settings.withOverrides(Map.of("plan", plan, "parallelism", parallelism, "reports",
                "target/suite-times/" + parallelism), () -> settings.set(Settings.load()));
        return new CertificationLaunch("suite-times-" + parallelism, settings.get(),
                Path.of("target", "suite-times", parallelism), null, "", false, false).run();
    }

    private static void print(String label, LaunchResult result) {
        Duration scenarios = result.scenarioTime();
        System.out.printf(Locale.ROOT, "%-34s %9d %9.1fs %14.1fs %8.2f%s%n", label, result.scenarios().size(),
                result.took().toMillis() / 1000.0, scenarios.toMillis() / 1000.0,
                (double) result.took().toMillis() / Math.max(1, scenarios.toMillis()),
                result.failures().isEmpty() ? "" : "  (" + result.failures().size() + " failed)");
    }
}
