package io.chargecheck.report;

import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the Cucumber events the report needs. Scenarios may run in parallel and the shutdown hook
 * may read while they do, so every access holds this object's lock.
 */
final class RunRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    private Instant started;
    private Instant finished;
    /** Why the run ended without running its cases (it could not start, a hook failed); null when it did not. */
    private String stopReason;
    private RunInfo runInfo = RunInfo.NONE;
    private final Map<URI, String> sourcesRead = new LinkedHashMap<>();
    private final Plan plan;
    private final Map<String, CaseProgress> cases = new LinkedHashMap<>();
    /** Per running scenario, why it did not pass, from its first step that did not. */
    private final Map<UUID, String> firstIssue = new HashMap<>();

    RunRecorder(Plan plan) {
        this.plan = plan;
    }

    synchronized void runStarted(Instant at) {
        started = at;
    }

    synchronized void runFinished(Instant at, Throwable error) {
        finished = at;
        if (error != null) {
            stopReason = FailureMessage.of(error);
        }
    }

    synchronized void sourceRead(URI uri, String source) {
        sourcesRead.put(uri, source);
    }

    synchronized void caseStarted(TestCaseStarted event) {
        TestCase testCase = event.getTestCase();
        progressOf(testCase).ifPresent(p -> p.started(event.getInstant(), testCase));
    }

    synchronized void stepFinished(TestStepFinished event) {
        Result result = event.getResult();
        String issue = switch (result.getStatus()) {
            case PASSED -> null;
            case UNDEFINED -> event.getTestStep() instanceof PickleStepTestStep step
                    ? "step \"" + step.getStepText() + "\" has no definition" : null;
            default -> result.getError() == null ? null : FailureMessage.of(result.getError());
        };
        if (issue != null) {
            firstIssue.putIfAbsent(event.getTestCase().getId(), issue);
        }
    }

    synchronized void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        String issue = firstIssue.remove(testCase.getId());
        if (issue == null && result.getError() != null) {
            issue = FailureMessage.of(result.getError());
        }
        ScenarioOutcome outcome = new ScenarioOutcome(testCase.getName(), result.getStatus(),
                result.getStatus() == Status.PASSED ? null : issue);
        progressOf(testCase).ifPresent(p -> p.finished(event.getInstant(), testCase, outcome));
    }

    synchronized void embedded(EmbedEvent event) {
        String mediaType = event.getMediaType();
        if (ReportAttachments.RUN_INFO.equals(mediaType)) {
            RunInfo.parse(event.getData()).ifPresent(info -> runInfo = info);
        } else if (ReportAttachments.STATION.equals(mediaType)) {
            progressOf(event.getTestCase()).ifPresent(p -> p.stations.add(new String(event.getData(), StandardCharsets.UTF_8)));
        } else if (ReportAttachments.NON_CONFORMANCE.equals(mediaType)) {
            String finding = new String(event.getData(), StandardCharsets.UTF_8).strip();
            if (!finding.isEmpty()) {
                progressOf(event.getTestCase()).ifPresent(p -> p.nonConformances.add(finding));
            }
        } else if (ReportAttachments.OBSERVATION.equals(mediaType)) {
            String observation = new String(event.getData(), StandardCharsets.UTF_8).strip();
            if (!observation.isEmpty()) {
                progressOf(event.getTestCase()).ifPresent(p -> p.observations.add(observation));
            }
        }
    }

    synchronized RecordedRun snapshot(Instant now) {
        Map<String, CaseRun> runs = new LinkedHashMap<>();
        cases.forEach((number, progress) -> runs.put(number, progress.toCaseRun(now)));
        return new RecordedRun(started, finished, now, runInfo, sourcesRead, runs, stopReason);
    }

    private Optional<CaseProgress> progressOf(TestCase testCase) {
        Optional<String> id = plan.caseOf(testCase.getTags(), testCase.getUri());
        if (id.isEmpty()) {
            LOG.debug("Scenario '{}' ({}) belongs to no case of {}; not in its report", testCase.getName(),
                    testCase.getUri(), plan);
            return Optional.empty();
        }
        return Optional.of(cases.computeIfAbsent(id.get(), n -> new CaseProgress()));
    }

    private static final class CaseProgress {
        private Instant firstStarted;
        private Instant lastFinished;
        private final Map<UUID, String> running = new LinkedHashMap<>();
        private final List<ScenarioOutcome> outcomes = new ArrayList<>();
        /** In arrival order; an observation repeated by a retried step counts once. */
        private final Set<String> observations = new LinkedHashSet<>();
        private final Set<String> stations = new LinkedHashSet<>();
        private final Set<String> nonConformances = new LinkedHashSet<>();

        void started(Instant at, TestCase testCase) {
            if (firstStarted == null || at.isBefore(firstStarted)) {
                firstStarted = at;
            }
            running.put(testCase.getId(), testCase.getName());
        }

        void finished(Instant at, TestCase testCase, ScenarioOutcome outcome) {
            if (lastFinished == null || at.isAfter(lastFinished)) {
                lastFinished = at;
            }
            running.remove(testCase.getId());
            outcomes.add(outcome);
        }

        CaseRun toCaseRun(Instant now) {
            Instant start = Objects.requireNonNullElse(firstStarted, Objects.requireNonNullElse(lastFinished, now));
            Instant end = !running.isEmpty() || lastFinished == null ? now : lastFinished;
            return new CaseRun(start, end, outcomes, List.copyOf(running.values()), List.copyOf(observations), List.copyOf(nonConformances), stations);
        }
    }
}
