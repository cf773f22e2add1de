package io.chargecheck.selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import io.chargecheck.config.Settings;
import io.chargecheck.selftest.OutcomeRecorder.ScenarioOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.EngineFilter;

/**
 * One run of the 16 features against the simulator, in this JVM, on the calling thread, with its
 * own settings (a quirk, shorter timeouts) and its own report folder.
 */
final class SuiteRun {

    /**
     * Timeouts for the self-test: the simulator answers in milliseconds, so a wait that is meant
     * to fail need not take the profile's full seconds.
     */
    static final Map<String, String> QUICK = Map.of(
            "timeout.message", "2",
            "timeout.call", "3",
            "timeout.reboot", "4",
            "timeout.firmware", "5");

    private SuiteRun() {
    }

    static Result run(String label, Map<String, String> settings) {
        return run(label, settings, "");
    }

    /** With a Cucumber tag expression, e.g. "not @manual-step"; empty for every case. */
    static Result run(String label, Map<String, String> settings, String tags) {
        String key = label + "-" + UUID.randomUUID();
        Map<String, String> overrides = new HashMap<>(QUICK);
        overrides.put("reports", "target/self-test/" + label);
        overrides.putAll(settings);
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectDirectory("features"))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "io.chargecheck.steps")
                .configurationParameter("cucumber.plugin", "io.chargecheck.selftest.OutcomeRecorder:" + key
                        + ", io.chargecheck.report.TestScriptReportPlugin:target/self-test/" + label)
                .configurationParameter("cucumber.publish.quiet", "true");
        if (!tags.isBlank()) {
            builder.configurationParameter("cucumber.filter.tags", tags);
        }
        LauncherDiscoveryRequest request = builder.build();
        Instant start = Instant.now();
        Settings.withOverrides(overrides, () -> {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(request);
        });
        return new Result(label, OutcomeRecorder.outcomes(key), Duration.between(start, Instant.now()));
    }

    /** What a run did, by case. */
    record Result(String label, List<ScenarioOutcome> scenarios, Duration took) {

        Map<Integer, List<ScenarioOutcome>> byCase() {
            return scenarios.stream().collect(Collectors.groupingBy(ScenarioOutcome::caseNumber, TreeMap::new,
                    Collectors.toList()));
        }

        /** The cases with at least one scenario that did not pass. */
        List<Integer> failedCases() {
            return byCase().entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(s -> !s.passed()))
                    .map(Map.Entry::getKey).toList();
        }

        List<ScenarioOutcome> failures() {
            return scenarios.stream().filter(s -> !s.passed()).toList();
        }

        List<String> observations(int caseNumber) {
            return byCase().getOrDefault(caseNumber, List.of()).stream().flatMap(s -> s.observations().stream()).toList();
        }

        @Override
        public String toString() {
            return label + ": " + scenarios.size() + " scenarios, failed cases " + failedCases() + " in "
                    + took.toMillis() / 1000.0 + " s" + (failures().isEmpty() ? "" : "; failures: " + failures());
        }
    }
}
