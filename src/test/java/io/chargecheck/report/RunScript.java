package io.chargecheck.report;

import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plays a Cucumber run into a plugin, the way Cucumber would, on a clock the test moves: every event
 * happens at {@link #now()}.
 */
final class RunScript {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private Instant now;

    RunScript(io.cucumber.plugin.ConcurrentEventListener plugin, Instant start) {
        plugin.setEventPublisher(publisher);
        this.now = start;
    }

    Instant now() {
        return now;
    }

    RunScript advance(long millis) {
        now = now.plusMillis(millis);
        return this;
    }

    RunScript runStarted() {
        publisher.publish(new TestRunStarted(now));
        return this;
    }

    RunScript runFinished() {
        publisher.publish(new TestRunFinished(now, new Result(Status.PASSED, Duration.ZERO, null)));
        return this;
    }

    /** The run ended on an error outside any scenario (a BeforeAll hook that could not start the bench). */
    RunScript runFinished(Throwable error) {
        publisher.publish(new TestRunFinished(now, new Result(Status.FAILED, Duration.ZERO, error)));
        return this;
    }

    RunScript sourceRead(Path featureFile) throws IOException {
        publisher.publish(new TestSourceRead(now, featureFile.toUri(), Files.readString(featureFile)));
        return this;
    }

    /** Starts a scenario of case {@code number}, tagged as our feature files tag them. */
    Scenario scenario(int number, String name) {
        return scenario(name, URI.create("file:/suite/features/%02d-case.feature".formatted(number)),
                List.of("@case-%02d".formatted(number)));
    }

    Scenario scenario(String name, URI uri, List<String> tags) {
        FakeTestCase testCase = new FakeTestCase(UUID.randomUUID(), name, uri, tags);
        publisher.publish(new TestCaseStarted(now, testCase));
        return new Scenario(testCase);
    }

    final class Scenario {
        private final FakeTestCase testCase;
        private Throwable firstError;

        private Scenario(FakeTestCase testCase) {
            this.testCase = testCase;
        }

        Scenario attach(String mediaType, String text) {
            publisher.publish(new EmbedEvent(now, testCase, text.getBytes(StandardCharsets.UTF_8), mediaType, "note"));
            return this;
        }

        Scenario observe(String observation) {
            return attach(ReportAttachments.OBSERVATION, observation);
        }

        Scenario step(Status status, Throwable error) {
            return step(status, error, "a step");
        }

        Scenario step(Status status, Throwable error, String text) {
            if (firstError == null) {
                firstError = error;
            }
            FakeStep step = new FakeStep(UUID.randomUUID(), text, testCase.uri());
            publisher.publish(new TestStepFinished(now, testCase, step, new Result(status, Duration.ZERO, error)));
            return this;
        }

        void finish(Status status) {
            publisher.publish(new TestCaseFinished(now, testCase, new Result(status, Duration.ZERO, firstError)));
        }

        void passes() {
            step(Status.PASSED, null).finish(Status.PASSED);
        }

        /** A failing step and the skipped one after it, as Cucumber reports them. */
        void fails(Throwable error) {
            step(Status.PASSED, null).step(Status.FAILED, error).step(Status.SKIPPED, null).finish(Status.FAILED);
        }
    }
}
