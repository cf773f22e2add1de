package io.chargecheck.suite;

import io.chargecheck.report.ReportAttachments;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that records what a launch did to each case: every scenario's status, its first
 * failure, the observations it reported and the station it ran against. Registered per launch as
 * {@code io.chargecheck.suite.OutcomeRecorder:<key>}; the launch reads {@link #outcomes}.
 */
public final class OutcomeRecorder implements ConcurrentEventListener {

    private static final Map<String, List<ScenarioOutcome>> BY_KEY = new ConcurrentHashMap<>();
    private static final Map<String, Throwable> RUN_ERRORS = new ConcurrentHashMap<>();

    private final String key;

    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<UUID, Throwable> firstFailure = new HashMap<>();
    private final Map<UUID, List<String>> observations = new HashMap<>();
    private final Map<UUID, List<String>> findings = new HashMap<>();
    private final Map<UUID, String> stations = new HashMap<>();

    public OutcomeRecorder(String key) {
        this.key = key;
        BY_KEY.put(key, outcomes);
    }

    /** Why the launch ended without running its cases (a bench that could not start), if it did. */
    public static java.util.Optional<Throwable> runError(String key) {
        return java.util.Optional.ofNullable(RUN_ERRORS.remove(key));
    }

    public static List<ScenarioOutcome> outcomes(String key) {
        List<ScenarioOutcome> recorded = BY_KEY.remove(key);
        if (recorded == null) {
            throw new IllegalStateException("no Cucumber run recorded under " + key);
        }
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(EmbedEvent.class, this::embedded);
        publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
        publisher.registerHandlerFor(io.cucumber.plugin.event.TestRunFinished.class, event -> {
            if (event.getResult().getError() != null) {
                RUN_ERRORS.put(key, event.getResult().getError());
            }
        });
    }

    private synchronized void stepFinished(TestStepFinished event) {
        Result result = event.getResult();
        if (result.getStatus() != Status.PASSED && result.getError() != null) {
            firstFailure.putIfAbsent(event.getTestCase().getId(), result.getError());
        }
    }

    private synchronized void embedded(EmbedEvent event) {
        UUID id = event.getTestCase().getId();
        if (ReportAttachments.OBSERVATION.equals(event.getMediaType())) {
            observations.computeIfAbsent(id, i -> new ArrayList<>()).add(new String(event.getData(), StandardCharsets.UTF_8));
        } else if (ReportAttachments.NON_CONFORMANCE.equals(event.getMediaType())) {
            findings.computeIfAbsent(id, i -> new ArrayList<>()).add(new String(event.getData(), StandardCharsets.UTF_8));
        } else if (ReportAttachments.STATION.equals(event.getMediaType())) {
            stations.put(id, new String(event.getData(), StandardCharsets.UTF_8));
        }
    }

    private synchronized void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        UUID id = testCase.getId();
        Throwable failure = firstFailure.remove(id);
        if (failure == null && event.getResult().getStatus() != Status.PASSED) {
            failure = event.getResult().getError();
        }
        ScenarioOutcome outcome = new ScenarioOutcome(CaseId.of(testCase.getTags()), testCase.getName(),
                event.getResult().getStatus(), failure, observations.getOrDefault(id, List.of()),
                findings.getOrDefault(id, List.of()), stations.remove(id), event.getResult().getDuration());
        observations.remove(id);
        findings.remove(id);
        synchronized (outcomes) {
            outcomes.add(outcome);
        }
    }

    /** One scenario of one launch. */
    public record ScenarioOutcome(CaseId caseId, String scenario, Status status, Throwable error,
                                  List<String> observations, List<String> findings, String station, Duration took) {

        public ScenarioOutcome {
            observations = List.copyOf(observations);
            findings = List.copyOf(findings);
        }

        public boolean passed() {
            return status == Status.PASSED;
        }

        /** The vendor script's case number; 0 for a scenario of another plan. */
        public int caseNumber() {
            return caseId.scriptNumber();
        }

        /** The message of the first failure, or null. */
        public String failure() {
            return error == null ? null : String.valueOf(error.getMessage());
        }

        @Override
        public String toString() {
            return "case " + caseId + " '" + scenario + "' " + status + (error == null ? "" : ": " + failure());
        }
    }
}
