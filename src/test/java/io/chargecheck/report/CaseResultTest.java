package io.chargecheck.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.report.CaseResult.Verdict;
import io.cucumber.plugin.event.Status;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseResultTest {

    private static final Instant T = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void okWhenEveryScenarioPassedWithTheObservationsAfterIt() {
        assertThat(summary(run(List.of(passed("Hard reset"), passed("Soft reset")), List.of())))
                .isEqualTo("ok");
        assertThat(summary(run(List.of(passed("The full list")), List.of("Configuration (36)", "1 key read-only"))))
                .isEqualTo("ok, Configuration (36), 1 key read-only");
    }

    @Test
    void failedNamesTheFailureAndLabelsItByScenarioWhenTheCaseHasSeveral() {
        ScenarioOutcome alone = new ScenarioOutcome("Firmware", Status.FAILED, "no Installed within 60 s");
        assertThat(summary(run(List.of(alone), List.of()))).isEqualTo("failed: no Installed within 60 s");

        CaseResult two = CaseResult.of(run(List.of(
                new ScenarioOutcome("Remote start", Status.FAILED, "expected Accepted, got Rejected"),
                passed("Local start"),
                new ScenarioOutcome("Local start, rejected card", Status.AMBIGUOUS, "2 step definitions match")),
                List.of("ignored when failed")), true);

        assertThat(two.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(two.summary()).isEqualTo("failed: Remote start: expected Accepted, got Rejected; "
                + "Local start, rejected card: ambiguous step definitions (2 step definitions match)");
    }

    @Test
    void notTestedSaysWhichScenariosDidNotRunAndWhy() {
        assertThat(summary(run(List.of(new ScenarioOutcome("Plug in", Status.SKIPPED, "nobody at the charger")), List.of())))
                .isEqualTo("not tested: nobody at the charger");
        assertThat(summary(run(List.of(new ScenarioOutcome("Plug in", Status.UNDEFINED, null)), List.of())))
                .isEqualTo("not tested: undefined");
        assertThat(summary(run(List.of(passed("Remote stop"),
                new ScenarioOutcome("Local stop by card", Status.PENDING, "needs a card")), List.of())))
                .isEqualTo("not tested: Local stop by card: pending (needs a card) (1 of 2 scenarios passed)");
    }

    @Test
    void aCaseWithoutScenariosInTheRunWasNotSelectedOrNotReached() {
        assertThat(CaseResult.of(null, true).summary()).isEqualTo("not tested: not selected in this run");
        assertThat(CaseResult.of(null, false).summary()).isEqualTo("not tested: the run was stopped before this case");
        CaseRun stoppedDuring = new CaseRun(T, T.plusSeconds(3), List.of(passed("Hard reset")), List.of("Soft reset"),
                List.of(), List.of(), Set.of());
        assertThat(CaseResult.of(stoppedDuring, false).summary())
                .isEqualTo("not tested: the run was stopped during \"Soft reset\"");
    }

    @Test
    void remarksJoinOkLikeObservationsAndOtherResultsAsAClause() {
        assertThat(new CaseResult.Passed(List.of()).separator()).isEqualTo(", ");
        assertThat(new CaseResult.Failed(List.of("x")).separator()).isEqualTo("; ");
        assertThat(new CaseResult.NotTested("x").separator()).isEqualTo("; ");
    }

    @Test
    void aFailureMessageIsShortenedToItsFirstLinesWithoutBlankOnes() {
        assertThat(FailureMessage.of(new AssertionError("\nExpecting actual:\n  \"Rejected\"\nto be equal to:\n"
                + "  \"Accepted\"\nwhen changing HeartbeatInterval\nat line 12")))
                .isEqualTo("Expecting actual: \"Rejected\" to be equal to: \"Accepted\"");
        assertThat(FailureMessage.of(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    @Test
    void aLongFailureIsNeverCutOff() {
        String keys = "not accepted: " + "StopTxnSampledData (Rejected), ".repeat(20) + "MeterValuesSampledData (Rejected)";
        assertThat(FailureMessage.of(new AssertionError(keys))).isEqualTo(keys);
    }

    @Test
    void aRunThatStoppedBeforeItsCasesSaysWhyInEveryRow() {
        assertThat(CaseResult.of(null, true, "expected CP-1 to connect and send a BootNotification within 300 s").summary())
                .isEqualTo("not tested: the run stopped before this case: expected CP-1 to connect and send a "
                        + "BootNotification within 300 s");
    }

    private static String summary(CaseRun run) {
        return CaseResult.of(run, true).summary();
    }

    private static CaseRun run(List<ScenarioOutcome> outcomes, List<String> observations) {
        return new CaseRun(T, T.plusSeconds(5), outcomes, List.of(), observations, List.of(), Set.of());
    }

    private static ScenarioOutcome passed(String name) {
        return new ScenarioOutcome(name, Status.PASSED, null);
    }
}
