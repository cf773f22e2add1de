package io.chargecheck.suite;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.chargecheck.config.Settings;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * The certification suite, run by Failsafe in {@code mvn verify}: the plan's cases against the
 * station of this run (the built-in simulator unless -Dstation=live), or, with several charge point
 * ids, against each of those chargers at once. Every scenario becomes a test of its own here,
 * failing with the scenario's message.
 */
class CertificationSuiteIT {

    @TestFactory
    Stream<DynamicNode> theCasesAgainstTheStations() {
        Map<String, LaunchResult> results = CertificationRun.run(Settings.load());
        if (results.size() == 1) {
            return scenarios(results.values().iterator().next());
        }
        return results.entrySet().stream().map(run -> dynamicContainer(run.getKey(), scenarios(run.getValue())));
    }

    private static Stream<DynamicNode> scenarios(LaunchResult result) {
        if (result.runError() != null) {
            // a run that could not start is a failure, never a green build of zero tests
            return Stream.of(dynamicTest("the run starts", () -> {
                AssertionError stopped = new AssertionError("the run stopped before its cases: "
                        + result.runError().getMessage(), null);
                stopped.setStackTrace(new StackTraceElement[0]);
                throw stopped;
            }));
        }
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
        if (outcome.error() instanceof TestAbortedException || outcome.status() == io.cucumber.plugin.event.Status.SKIPPED) {
            throw new TestAbortedException(message);
        }
        AssertionError verdict = new AssertionError(message, null);
        verdict.setStackTrace(new StackTraceElement[0]);
        throw verdict;
    }
}
