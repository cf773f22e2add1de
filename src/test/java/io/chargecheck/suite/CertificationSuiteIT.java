package io.chargecheck.suite;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.chargecheck.certification.Bench;
import io.chargecheck.config.Settings;
import io.chargecheck.report.ReportLayout;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The certification suite, run by Failsafe in {@code mvn verify}: the plan's cases against the
 * station of this run (the built-in simulator unless -Dstation=live), or, with several charge point
 * ids, against each of those chargers at once, each with a report of its own. Every scenario
 * becomes a test of its own here, failing with the scenario's message.
 */
class CertificationSuiteIT {

    @TestFactory
    Stream<DynamicNode> theCasesAgainstTheStations() throws IOException {
        Settings settings = Settings.load();
        ReportLayout layout = ReportLayout.of(settings.reportsDirectory(), Instant.now(), settings.chargePointIds(),
                settings.isLive() ? settings.chargePointId() : "simulator");
        if (!layout.isMultiCharger()) {
            String id = settings.chargePointId();
            LaunchResult result = new CertificationLaunch(id.isEmpty() ? "station" : id, settings, layout.reportDirectory(id),
                    null, "", true, true).run();
            publishCucumberReports(layout.reportDirectory(id), layout.latestDirectory(id));
            return scenarios(result);
        }
        try (Bench bench = Bench.start(settings, layout.runDirectory())) {
            Map<String, CompletableFuture<LaunchResult>> runs = new LinkedHashMap<>();
            for (String id : settings.chargePointIds()) {
                Settings charger = settings.forCharger(id);
                runs.put(id, CompletableFuture.supplyAsync(() -> new CertificationLaunch(id, charger,
                        layout.reportDirectory(id), bench, "", true, true).run()));
            }
            CompletableFuture.allOf(runs.values().toArray(CompletableFuture[]::new)).join();
            List<DynamicNode> chargers = runs.entrySet().stream()
                    .map(run -> (DynamicNode) dynamicContainer(run.getKey(), scenarios(run.getValue().join())))
                    .toList();
            for (String id : settings.chargePointIds()) {
                publishCucumberReports(layout.reportDirectory(id), layout.latestDirectory(id));
            }
            return chargers.stream();
        }
    }

    private static Stream<DynamicNode> scenarios(LaunchResult result) {
        if (result.scenarios().isEmpty()) {
            return Stream.of(dynamicTest("no case was selected", () -> {
                throw new TestAbortedException("no scenario matched the selection of this run");
            }));
        }
        return result.scenarios().stream().map(outcome -> dynamicTest(outcome.caseId() + " " + outcome.scenario(),
                () -> rethrow(outcome)));
    }

    /** The scenario's own failure, without a stack trace: a certification verdict is its message. */
    private static void rethrow(ScenarioOutcome outcome) {
        if (outcome.passed()) {
            return;
        }
        String message = outcome.failure() == null ? outcome.status().name() : outcome.failure();
        if (outcome.error() instanceof TestAbortedException) {
            throw new TestAbortedException(message);
        }
        AssertionError verdict = new AssertionError(message, null);
        verdict.setStackTrace(new StackTraceElement[0]);
        throw verdict;
    }

    /** Cucumber's own reports are written at the end of the run; CI looks for them in reports/. */
    private static void publishCucumberReports(Path runDirectory, Path latest) throws IOException {
        for (String file : List.of("cucumber.html", "cucumber.json", "cucumber-junit.xml")) {
            ReportLayout.publish(runDirectory.resolve(file), latest);
        }
    }
}
