package io.chargecheck.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.plugin.event.TestRunFinished;
import io.cucumber.plugin.event.TestRunStarted;
import io.cucumber.plugin.event.TestSourceRead;
import io.cucumber.plugin.event.TestStepFinished;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan's document, filled in by the run, into the output directory: the platform's test
 * script ({@link TestScriptReportPlugin}) or the OCA's test cases ({@link OcttReportPlugin}).
 *
 * <p>The document is written once: at TestRunFinished, or, when the JVM is stopped before that
 * (Ctrl-C on a bench run), by a shutdown hook with what ran until then.
 */
abstract class PlanReportPlugin implements ConcurrentEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlanReportPlugin.class);

    private final Plan plan;
    private final Path outputDirectory;
    private final Path featureDirectory;
    private final Clock clock;
    private final RunRecorder recorder;
    private final AtomicBoolean written = new AtomicBoolean();
    private final Thread shutdownHook;

    PlanReportPlugin(Plan plan, Path outputDirectory, Path featureDirectory, Clock clock) {
        this.plan = plan;
        this.outputDirectory = outputDirectory;
        this.featureDirectory = featureDirectory;
        this.clock = clock;
        this.recorder = new RunRecorder(plan);
        this.shutdownHook = new Thread(this::writeOnShutdown, plan.reportFile());
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestRunStarted.class, event -> {
            recorder.runStarted(event.getInstant());
            addShutdownHook();
        });
        publisher.registerHandlerFor(TestSourceRead.class,
                event -> recorder.sourceRead(event.getUri(), event.getSource()));
        publisher.registerHandlerFor(TestCaseStarted.class, recorder::caseStarted);
        publisher.registerHandlerFor(TestStepFinished.class, recorder::stepFinished);
        publisher.registerHandlerFor(EmbedEvent.class, recorder::embedded);
        publisher.registerHandlerFor(TestCaseFinished.class, recorder::caseFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> {
            recorder.runFinished(event.getInstant(), event.getResult().getError());
            writeOnce();
            removeShutdownHook();
        });
    }

    /** What the shutdown hook runs; a no-op when TestRunFinished has already written the report. */
    void writeOnShutdown() {
        writeOnce();
    }

    Path reportFile() {
        return outputDirectory.resolve(plan.reportFile());
    }

    private void writeOnce() {
        if (written.compareAndSet(false, true)) {
            write(recorder.snapshot(clock.instant()));
        }
    }

    /** Never throws: a report that cannot be written must not turn a passing run into a failing one. */
    private void write(RecordedRun run) {
        try {
            CaseCatalog catalog = CaseCatalog.of(plan, featureDirectory, run.sourcesRead());
            Path traceFile = ReportLayout.traceFor(outputDirectory);
            OcppTrace trace = OcppTrace.read(traceFile);
            ReportModel model = ReportModel.of(plan, run, catalog.cases(), trace, clock.getZone());
            String html = new ReportRenderer(plan.template()).render(model);
            Files.createDirectories(outputDirectory);
            Path ownTrace = outputDirectory.resolve(ReportLayout.TRACE_FILE);
            boolean sharedTrace = !traceFile.equals(ownTrace);
            if (sharedTrace) {
                // one charger of several: its report comes with its own part of the run's trace
                ReportLayout.extractTrace(traceFile, run.stations(), ownTrace);
            }
            // Written aside and moved, so a reader never opens half a document.
            Path partial = outputDirectory.resolve(plan.reportFile() + ".partial");
            try {
                Files.writeString(partial, html, StandardCharsets.UTF_8);
                Files.move(partial, reportFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            LOG.info("{} report: {}", plan == Plan.SCRIPT ? "Test script" : "OCTT", reportFile().toAbsolutePath().toUri());
            written(model);
            Optional<Path> latest = ReportLayout.latestFor(outputDirectory);
            if (latest.isPresent()) {
                ReportLayout.publish(reportFile(), latest.get());
                ReportLayout.publish(ownTrace, latest.get());
            }
            if (sharedTrace) {
                RunIndex.writeSummary(outputDirectory, plan, String.join(", ", run.stations()), model);
                RunIndex.write(outputDirectory.getParent(), latest.map(Path::getParent).orElse(outputDirectory.getParent()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not write the test script report {}", reportFile().toAbsolutePath(), e);
        }
    }

    /** Whatever else a plan writes beside its report. */
    void written(ReportModel model) throws IOException {
    }

    Path outputDirectory() {
        return outputDirectory;
    }

    private void addShutdownHook() {
        try {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        } catch (IllegalArgumentException | IllegalStateException alreadyRegisteredOrShuttingDown) {
            LOG.debug("Shutdown hook not added: {}", alreadyRegisteredOrShuttingDown.toString());
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            LOG.debug("JVM already shutting down; the hook finds the report written");
        }
    }
}
