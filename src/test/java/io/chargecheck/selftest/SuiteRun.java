package io.chargecheck.selftest;

import io.chargecheck.config.Settings;
import io.chargecheck.suite.CertificationLaunch;
import io.chargecheck.suite.CertificationLaunch.LaunchResult;
import io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * One run of the platform's cases against the simulator, in this JVM, on the calling thread, with its
 * own settings (a quirk, shorter timeouts) and its own report folder.
 */
final class SuiteRun {

    /**
     * Timeouts for the self-test: the simulator answers in milliseconds, so a wait that is meant
     * to fail need not take the profile's full seconds. A reboot keeps some room: sixteen runs side
     * by side on two cores have seen a simulated station take over 4 s to come back.
     */
    static final Map<String, String> QUICK = Map.of(
            "timeout.message", "2",
            "timeout.call", "3",
            "timeout.reboot", "6",
            "timeout.firmware", "5");

    /**
     * The runs of SelfTest and OcttSelfTest, which JUnit runs side by side, share these threads
     * (thirteen; -Dchargecheck.selftest.runs to change): runs mostly wait on the protocol's own timers,
     * so more of them than cores fit, but sixteen at once on two cores delayed a simulator's
     * heartbeat by more than its tolerance. Thirteen took the self-tests from 108 s to 84 s of a build.
     */
    private static final int THREADS = Integer.getInteger("chargecheck.selftest.runs", 13);
    private static final ExecutorService RUNS = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS,
            new PriorityBlockingQueue<>(256, Comparator.comparing(task -> (Queued) task)), runnable -> {
                Thread thread = new Thread(runnable, "self-test-run");
                thread.setDaemon(true);
                return thread;
            });
    private static final AtomicLong SUBMITTED = new AtomicLong();

    /** How long a run is expected to take: the long ones start first, so that none of them is left to the end. */
    enum Length { LONG, SHORT }

    /** A run waiting for a thread: the long ones first, else in the order they came. */
    private record Queued(Length length, long order, Runnable work) implements Runnable, Comparable<Queued> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Queued other) {
            int byLength = length.compareTo(other.length);
            return byLength != 0 ? byLength : Long.compare(order, other.order);
        }
    }

    /** Starts a run on one of the shared threads. */
    static CompletableFuture<Result> start(String label, Map<String, String> settings, String tags, Length length) {
        CompletableFuture<Result> result = new CompletableFuture<>();
        RUNS.execute(new Queued(length, SUBMITTED.incrementAndGet(), () -> {
            try {
                result.complete(run(label, settings, tags));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }));
        return result;
    }

    private SuiteRun() {
    }

    static Result run(String label, Map<String, String> settings) {
        return run(label, settings, "");
    }

    /** With a Cucumber tag expression, e.g. "not @manual-step"; empty for every case. */
    static Result run(String label, Map<String, String> settings, String tags) {
        Map<String, String> overrides = new HashMap<>(QUICK);
        Path reports = Path.of("target", "self-test", label);
        overrides.put("reports", reports.toString());
        overrides.putAll(settings);
        AtomicReference<Settings> loaded = new AtomicReference<>();
        Settings.withOverrides(overrides, () -> loaded.set(Settings.load()));
        LaunchResult launch = new CertificationLaunch(label, loaded.get(), reports, null, tags, false, false).run();
        return new Result(label, launch.scenarios(), launch.runError(), launch.took());
    }

    /** What a run did, by case. */
    record Result(String label, List<ScenarioOutcome> scenarios, Throwable runError, Duration took) {

        Map<Integer, List<ScenarioOutcome>> byCase() {
            return scenarios.stream().collect(Collectors.groupingBy(ScenarioOutcome::caseNumber, TreeMap::new,
                    Collectors.toList()));
        }

        /** By case id of either plan ("6", "TC_001_CS"). */
        Map<String, List<ScenarioOutcome>> byCaseId() {
            return scenarios.stream().collect(Collectors.groupingBy(s -> s.caseId().id().replaceFirst("^0+(?=\\d)", ""),
                    TreeMap::new, Collectors.toList()));
        }

        /** The ids of the cases with a scenario that failed (not one that was not applicable or not tested). */
        java.util.Set<String> failedCaseIds() {
            return byCaseId().entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(s -> s.status() == io.cucumber.plugin.event.Status.FAILED))
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.TreeSet::new));
        }

        /** The cases with at least one scenario that did not pass. */
        List<Integer> failedCases() {
            return byCase().entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(s -> !s.passed()))
                    .map(Map.Entry::getKey).toList();
        }

        List<ScenarioOutcome> failures() {
            return scenarios.stream().filter(s -> !s.passed()).toList();
        }

        List<String> findings(int caseNumber) {
            return byCase().getOrDefault(caseNumber, List.of()).stream().flatMap(s -> s.findings().stream()).toList();
        }

        List<String> observations(int caseNumber) {
            return byCase().getOrDefault(caseNumber, List.of()).stream().flatMap(s -> s.observations().stream()).toList();
        }

        @Override
        public String toString() {
            return label + ": " + scenarios.size() + " scenarios, failed cases " + failedCaseIds() + " in "
                    + took.toMillis() / 1000.0 + " s" + (runError == null ? "" : "; the run stopped: " + runError.getMessage())
                    + (failures().isEmpty() ? "" : "; failures: " + failures());
        }
    }
}
