package io.chargecheck.selftest;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that records what a self-test run did to each case: every scenario's status,
 * the message of its first failure, and the observations it reported. Registered per run as
 * {@code io.chargecheck.selftest.OutcomeRecorder:<key>}; the self-test reads {@link #outcomes}.
 */
public final class OutcomeRecorder implements ConcurrentEventListener {

    private static final Map<String, List<ScenarioOutcome>> BY_KEY = new ConcurrentHashMap<>();

    private final List<ScenarioOutcome> outcomes = new ArrayList<>();
    private final Map<UUID, String> firstFailure = new HashMap<>();
    private final Map<UUID, List<String>> observations = new HashMap<>();

    public OutcomeRecorder(String key) {
        BY_KEY.put(key, outcomes);
    }

    static List<ScenarioOutcome> outcomes(String key) {
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
    }

    private synchronized void stepFinished(TestStepFinished event) {
        Result result = event.getResult();
        if (result.getStatus() != Status.PASSED && result.getError() != null) {
            firstFailure.putIfAbsent(event.getTestCase().getId(), String.valueOf(result.getError().getMessage()));
        }
    }

    private synchronized void embedded(EmbedEvent event) {
        if (ReportAttachments.OBSERVATION.equals(event.getMediaType())) {
            observations.computeIfAbsent(event.getTestCase().getId(), id -> new ArrayList<>())
                    .add(new String(event.getData(), StandardCharsets.UTF_8));
        }
    }

    private synchronized void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        int caseNumber = testCase.getTags().stream().filter(tag -> tag.startsWith("@case-"))
                .mapToInt(tag -> Integer.parseInt(tag.substring("@case-".length()))).findFirst().orElse(0);
        ScenarioOutcome outcome = new ScenarioOutcome(caseNumber, testCase.getName(), event.getResult().getStatus(),
                firstFailure.get(testCase.getId()), observations.getOrDefault(testCase.getId(), List.of()));
        synchronized (outcomes) {
            outcomes.add(outcome);
        }
    }

    /** One scenario of one run. */
    public record ScenarioOutcome(int caseNumber, String scenario, Status status, String failure,
                                  List<String> observations) {

        public boolean passed() {
            return status == Status.PASSED;
        }

        @Override
        public String toString() {
            return "case " + caseNumber + " '" + scenario + "' " + status + (failure == null ? "" : ": " + failure);
        }
    }
}
