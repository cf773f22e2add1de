package io.chargecheck.suite;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;

import io.chargecheck.certification.Bench;
import io.chargecheck.config.Settings;
import io.chargecheck.config.Settings.Plan;
import io.chargecheck.steps.Run;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One Cucumber execution of a plan's cases against one station (a live charger, or the simulator
 * with a station per scenario), in this JVM, on the calling thread. The vendor suite, each charger
 * of a multi-charger run, every self-test run and the flakiness check are launches.
 *
 * @param label          a name for logs and the station ids of the simulator
 * @param settings       the settings of this launch (one charger's)
 * @param reportDirectory where its reports go (and its trace, unless the bench is shared)
 * @param sharedBench    the bench several launches share, or null for one of its own
 * @param tags           a Cucumber tag expression to select cases, or "" for the whole plan
 * @param cucumberReports whether to write Cucumber's own HTML, JSON and JUnit XML too
 * @param console        whether to print the progress on the console
 */
public record CertificationLaunch(String label, Settings settings, Path reportDirectory, Bench sharedBench, String tags,
                                  boolean cucumberReports, boolean console) {

    static final Path FEATURES = Path.of("features");
    static final Path OCTT_FEATURES = FEATURES.resolve("octt");
    private static final String TAGS_PROPERTY = "cucumber.filter.tags";

    /** Runs the cases and returns what each scenario did. */
    public LaunchResult run() {
        String key = label + "-" + UUID.randomUUID();
        List<String> plugins = new ArrayList<>(List.of(
                "io.chargecheck.suite.OutcomeRecorder:" + key,
                "io.chargecheck.report.TestScriptReportPlugin:" + reportDirectory));
        if (cucumberReports) {
            plugins.add("html:" + reportDirectory.resolve("cucumber.html"));
            plugins.add("json:" + reportDirectory.resolve("cucumber.json"));
            plugins.add("junit:" + reportDirectory.resolve("cucumber-junit.xml"));
        }
        if (console) {
            plugins.add("io.chargecheck.report.ConsoleProgressPlugin:" + (settings.isLive() ? "steps:" : "") + reportDirectory);
        }
        LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors(settings.plan()))
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", "io.chargecheck.steps")
                .configurationParameter("cucumber.plugin", String.join(", ", plugins))
                .configurationParameter("cucumber.publish.quiet", "true");
        String selection = tagExpression();
        if (!selection.isBlank()) {
            builder.configurationParameter(TAGS_PROPERTY, selection);
        }
        int parallelism = settings.parallelism();
        if (parallelism > 1) {
            builder.configurationParameter("cucumber.execution.parallel.enabled", "true")
                    .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                    .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", String.valueOf(parallelism))
                    .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", String.valueOf(parallelism));
        }
        LauncherDiscoveryRequest request = builder.build();
        try {
            Files.createDirectories(reportDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write reports to " + reportDirectory, e);
        }
        Instant start = Instant.now();
        Run.launch(settings, reportDirectory, sharedBench, () -> LauncherFactory.create().execute(request));
        return new LaunchResult(label, OutcomeRecorder.outcomes(key), OutcomeRecorder.runError(key).orElse(null),
                Duration.between(start, Instant.now()));
    }

    /** The tester's selection (-Dcucumber.filter.tags) and this launch's, both applying. */
    private String tagExpression() {
        String tester = System.getProperty(TAGS_PROPERTY, "").strip();
        if (tester.isEmpty() || tags.isBlank()) {
            return tester.isEmpty() ? tags : tester;
        }
        return "(" + tester + ") and (" + tags + ")";
    }

    /** The platform's script is features/NN-*.feature; the OCA's plan is features/octt/. */
    static DiscoverySelector[] selectors(Plan plan) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        if (plan == Plan.SCRIPT || plan == Plan.ALL) {
            try (Stream<Path> files = Files.list(FEATURES)) {
                files.filter(f -> f.getFileName().toString().endsWith(".feature")).sorted()
                        .forEach(f -> selectors.add(selectFile(f.toFile())));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the features of the test script in " + FEATURES.toAbsolutePath(), e);
            }
        }
        if ((plan == Plan.OCTT || plan == Plan.ALL) && Files.isDirectory(OCTT_FEATURES)) {
            selectors.add(selectDirectory(OCTT_FEATURES.toFile()));
        }
        return selectors.toArray(DiscoverySelector[]::new);
    }

    /** What one launch did, scenario by scenario. */
    /** @param runError why the launch ran no case at all (the bench could not start, no charger came), or null */
    public record LaunchResult(String label, List<ScenarioOutcome> scenarios, Throwable runError, Duration took) {

        public LaunchResult {
            scenarios = List.copyOf(scenarios);
        }

        public List<ScenarioOutcome> failures() {
            return scenarios.stream().filter(s -> !s.passed()).toList();
        }

        /** The sum of the scenarios' own times: what the launch would take one after the other. */
        public Duration scenarioTime() {
            return scenarios.stream().map(ScenarioOutcome::took).reduce(Duration.ZERO, Duration::plus);
        }

        @Override
        public String toString() {
            return label + ": " + scenarios.size() + " scenarios in " + took.toMillis() / 1000.0 + " s"
                    + (runError == null ? "" : "; the run stopped: " + runError.getMessage())
                    + (failures().isEmpty() ? "" : "; failures: " + failures());
        }
    }
}
