package io.chargecheck.report;

import io.chargecheck.ocpp.Untrusted;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What the person running the suite reads: a line per scenario as it ends, with its station and
 * what failed, and at the end a summary with the report's path as the suite's last block. Scenarios
 * that run side by side never interleave, because nothing is printed before a scenario has ended.
 * With {@code steps:} before the report directory (a live run, one case at a time), every step is
 * printed as it ends too; a step ends only once its evidence has come.
 *
 * <p>Register as {@code io.chargecheck.report.ConsoleProgressPlugin:<reportDirectory>} or
 * {@code io.chargecheck.report.ConsoleProgressPlugin:steps:<reportDirectory>}.
 */
public final class ConsoleProgressPlugin implements ConcurrentEventListener {

    private static final String STEPS = "steps:";

    private final PrintStream out;
    private final boolean steps;
    private final Path reportDirectory;
    private final Map<UUID, String> stations = new HashMap<>();
    private final Map<Status, Integer> counts = new EnumMap<>(Status.class);
    private final List<String> failures = new ArrayList<>();
    private int notApplicable;
    private Duration scenarioTime = Duration.ZERO;
    private Instant started;

    public ConsoleProgressPlugin(String argument) {
        this(System.out, argument);
    }

    ConsoleProgressPlugin(PrintStream out, String argument) {
        this.out = out;
        this.steps = argument.startsWith(STEPS);
        this.reportDirectory = Path.of(steps ? argument.substring(STEPS.length()) : argument);
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> started = event.getInstant());
        publisher.registerHandlerFor(EmbedEvent.class, this::embedded);
        publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
        publisher.registerHandlerFor(TestCaseFinished.class, this::caseFinished);
        publisher.registerHandlerFor(TestRunFinished.class, this::runFinished);
    }

    private synchronized void embedded(EmbedEvent event) {
        if (ReportAttachments.STATION.equals(event.getMediaType())) {
            stations.put(event.getTestCase().getId(), new String(event.getData(), StandardCharsets.UTF_8));
        }
    }

    private synchronized void stepFinished(TestStepFinished event) {
        if (steps && event.getTestStep() instanceof PickleStepTestStep step) {
            out.println("      " + mark(event.getResult().getStatus()) + " " + step.getStep().getKeyword() + step.getStepText());
            out.flush();
        }
    }

    private synchronized void caseFinished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        counts.merge(result.getStatus(), 1, Integer::sum);
        scenarioTime = scenarioTime.plus(result.getDuration());
        String station = stations.remove(testCase.getId());
        String line = mark(result.getStatus()) + " " + caseOf(testCase) + " " + testCase.getName()
                + (station == null ? "" : "  [" + Untrusted.shown(station) + "]")
                + "  " + seconds(result.getDuration());
        out.println(line);
        if (result.getStatus() != Status.PASSED && result.getError() != null) {
            String message = FailureMessage.of(result.getError());
            boolean skipped = result.getStatus() == Status.SKIPPED;
            if (skipped && message.startsWith(CaseResult.NotApplicable.PREFIX)) {
                notApplicable++; // the case is not for this charger: nothing left to test, so not a "not tested"
            }
            // a skipped case's reason already says what it is: "not applicable: ..." or "not tested: ..."
            String why = "    " + (skipped ? "" : result.getStatus().name().toLowerCase(Locale.ROOT) + ": ")
                    + Untrusted.shown(message, 2000);
            out.println(why);
            if (!skipped) {
                failures.add(line + System.lineSeparator() + why);
            }
        }
        out.flush();
    }

    private synchronized void runFinished(TestRunFinished event) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        Duration wall = started == null ? Duration.ZERO : Duration.between(started, event.getInstant());
        out.println();
        out.println("ChargeCheck: " + total + " scenario" + (total == 1 ? "" : "s") + ": "
                + counts.getOrDefault(Status.PASSED, 0) + " passed, " + counts.getOrDefault(Status.FAILED, 0) + " failed, "
                + (notApplicable == 0 ? "" : notApplicable + " not applicable, ")
                + (total - counts.getOrDefault(Status.PASSED, 0) - counts.getOrDefault(Status.FAILED, 0) - notApplicable)
                + " not tested"
                + " in " + seconds(wall) + " (scenario time " + seconds(scenarioTime) + ")");
        failures.forEach(out::println);
        // the report plugins registered before this one have written their documents by now
        boolean any = false;
        for (Plan plan : Plan.values()) {
            Path report = reportDirectory.resolve(plan.reportFile());
            if (java.nio.file.Files.exists(report)) {
                out.println("Report: " + report.toAbsolutePath().toUri());
                any = true;
            }
        }
        if (!any) {
            out.println("Reports: " + reportDirectory.toAbsolutePath().toUri());
        }
        out.println();
        out.flush();
    }

    private static String caseOf(TestCase testCase) {
        for (String tag : testCase.getTags()) {
            if (tag.startsWith("@case-")) {
                return "case " + tag.substring("@case-".length());
            }
            if (tag.matches("@TC_\\w+_CS")) {
                return tag.substring(1);
            }
        }
        return "";
    }

    private static String mark(Status status) {
        return switch (status) {
            case PASSED -> "✔";
            case FAILED, AMBIGUOUS, UNDEFINED -> "✘";
            default -> "-";
        };
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
