package io.chargecheck.report;

import io.cucumber.plugin.event.Status;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The Result column of the test script for one case. */
sealed interface CaseResult {

    /** "ok", or "ok, " and the observations the steps attached. */
    record Passed(List<String> observations) implements CaseResult {
        public Passed {
            observations = List.copyOf(observations);
        }

        @Override
        public String detail() {
            return observations.isEmpty() ? "" : ", " + String.join(", ", observations);
        }

        @Override
        public Verdict verdict() {
            return Verdict.OK;
        }
    }

    /** "failed: " and, per failed scenario, the first failing step's message. */
    record Failed(List<String> failures) implements CaseResult {
        public Failed {
            failures = List.copyOf(failures);
        }

        @Override
        public String detail() {
            return ": " + String.join("; ", failures);
        }

        @Override
        public Verdict verdict() {
            return Verdict.FAILED;
        }
    }

    /**
     * "not applicable: " and why: the case is for a feature profile the station does not offer, or
     * for a variant of a charger it is not (a fixed cable, backup power), as the OCA's plan has it.
     */
    record NotApplicable(String reason) implements CaseResult {
        static final String PREFIX = "not applicable: ";

        @Override
        public String detail() {
            return ": " + reason;
        }

        @Override
        public Verdict verdict() {
            return Verdict.NOT_APPLICABLE;
        }
    }

    /** "not tested: " and why not. */
    record NotTested(String reason) implements CaseResult {
        @Override
        public String detail() {
            return ": " + reason;
        }

        @Override
        public Verdict verdict() {
            return Verdict.NOT_TESTED;
        }
    }

    /** The three outcomes the script knows, in its own words, which the report sets in bold. */
    enum Verdict {
        OK("ok"), FAILED("failed"), NOT_APPLICABLE("not applicable"), NOT_TESTED("not tested");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        String cssClass() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** What follows the label: observations, failure messages, why not tested. */
    String detail();

    Verdict verdict();

    default String summary() {
        return verdict().label() + detail();
    }

    /** How further remarks (protocol violations) attach: after "ok" like the observations, else as a clause. */
    default String separator() {
        return verdict() == Verdict.OK ? ", " : "; ";
    }

    static CaseResult of(CaseRun run, boolean runCompleted) {
        return of(run, runCompleted, null);
    }

    /** {@code stopReason}: why the run ended before its cases, or null. */
    static CaseResult of(CaseRun run, boolean runCompleted, String stopReason) {
        if (run == null) {
            if (stopReason != null) {
                return new NotTested("the run stopped before this case: " + stopReason);
            }
            return new NotTested(runCompleted ? "not selected in this run" : "the run was stopped before this case");
        }
        List<ScenarioOutcome> outcomes = run.outcomes();
        boolean labelled = outcomes.size() + run.unfinished().size() > 1;
        List<String> failures = outcomes.stream()
                .filter(o -> o.status() == Status.FAILED || o.status() == Status.AMBIGUOUS)
                .map(o -> label(o, labelled) + describe(o))
                .toList();
        if (!failures.isEmpty()) {
            return new Failed(failures);
        }
        if (!run.unfinished().isEmpty()) {
            return new NotTested("the run was stopped during " + quoted(run.unfinished()));
        }
        Predicate<ScenarioOutcome> passed = o -> o.status() == Status.PASSED;
        if (outcomes.stream().allMatch(passed)) {
            return new Passed(run.observations());
        }
        List<ScenarioOutcome> notApplicable = outcomes.stream().filter(o -> o.status() == Status.SKIPPED
                && o.message() != null && o.message().startsWith(NotApplicable.PREFIX)).toList();
        if (!notApplicable.isEmpty() && notApplicable.size() == outcomes.size()) {
            return new NotApplicable(notApplicable.get(0).message().substring(NotApplicable.PREFIX.length()));
        }
        String notRun = outcomes.stream().filter(passed.negate())
                .map(o -> label(o, labelled) + describe(o))
                .collect(Collectors.joining("; "));
        long passedCount = outcomes.stream().filter(passed).count();
        return new NotTested(passedCount == 0 ? notRun
                : notRun + " (" + passedCount + " of " + outcomes.size() + " scenarios passed)");
    }

    private static String label(ScenarioOutcome outcome, boolean labelled) {
        return labelled ? outcome.scenario() + ": " : "";
    }

    private static String describe(ScenarioOutcome outcome) {
        if (outcome.status() == Status.SKIPPED && outcome.message() != null) {
            return outcome.message(); // a scenario that cannot be tested on this station says why, nothing more
        }
        String status = switch (outcome.status()) {
            case FAILED, PASSED -> "";
            case AMBIGUOUS -> "ambiguous step definitions";
            case SKIPPED -> "skipped";
            case PENDING -> "pending";
            case UNDEFINED -> "undefined";
            case UNUSED -> "not run";
        };
        if (outcome.message() == null) {
            return status.isEmpty() ? "no message" : status;
        }
        return status.isEmpty() ? outcome.message() : status + " (" + outcome.message() + ")";
    }

    private static String quoted(List<String> scenarios) {
        return scenarios.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
    }
}
