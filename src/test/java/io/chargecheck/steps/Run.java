package io.chargecheck.steps;

import io.chargecheck.certification.Bench;
import io.chargecheck.certification.CaseNeeds;
import io.chargecheck.certification.Station;
import io.chargecheck.config.Settings;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Cucumber execution of the cases against one station, or, on the simulator, against a
 * simulated station per scenario. It outlives the scenarios; everything of a scenario lives in
 * {@link World}.
 *
 * <p>Whoever launches Cucumber hands it its run with {@link #launch}: the settings, and the bench
 * when several executions share one (several chargers in a live run, the self-test's runs). The
 * run travels to Cucumber's threads as an inheritable thread-local, because glue code has no other
 * way to learn which of several concurrent executions in one JVM it belongs to; every thread an
 * execution uses is started, directly or not, by the thread that launched it. Started without a
 * launcher (from an IDE), a run makes its own from {@link Settings#load()}.
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    private static final InheritableThreadLocal<Run> CURRENT = new InheritableThreadLocal<>();
    /** The run of an execution nobody launched (an IDE), shared by all its threads. */
    private static final AtomicReference<Run> UNLAUNCHED = new AtomicReference<>();

    private final Settings settings;
    private final Path reportDirectory;
    private final AtomicReference<Bench> bench = new AtomicReference<>();
    private final boolean ownsBench;
    private final AtomicReference<Station> sharedStation = new AtomicReference<>();
    private final AtomicInteger scenarios = new AtomicInteger();
    /** Scenarios under way, so Ctrl-C can put back what they changed on the charger. */
    private final Set<World> active = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> startFailure = new AtomicReference<>();
    private volatile Instant started;

    private Run(Settings settings, Path reportDirectory, Bench bench) {
        this.settings = settings;
        this.reportDirectory = reportDirectory;
        this.bench.set(bench);
        this.ownsBench = bench == null;
    }

    /**
     * Runs {@code execution} (a Cucumber launch) as a run with these settings; the trace goes into
     * {@code reportDirectory} unless a shared {@code bench} (nullable) is given.
     */
    public static void launch(Settings settings, Path reportDirectory, Bench bench, Runnable execution) {
        Run previous = CURRENT.get();
        Run run = new Run(settings, reportDirectory, bench);
        CURRENT.set(run);
        RESTORE_ON_INTERRUPT.runs.add(run);
        try {
            execution.run();
        } finally {
            RESTORE_ON_INTERRUPT.runs.remove(run);
            CURRENT.set(previous);
        }
    }

    @BeforeAll
    public static void startRun() {
        current().start();
    }

    @AfterAll
    public static void stopRun() {
        current().stop();
    }

    static Run current() {
        Run run = CURRENT.get();
        if (run != null) {
            return run;
        }
        return UNLAUNCHED.updateAndGet(existing -> {
            if (existing != null) {
                return existing;
            }
            Settings settings = Settings.load();
            return new Run(settings, settings.reportsDirectory(), null);
        });
    }

    private void start() {
        started = Instant.now();
        LOG.info("ChargeCheck run against the {} with {}", settings.isLive() ? "live charger" : "built-in simulator",
                settings.describe());
        try {
            if (bench.get() == null) {
                bench.set(Bench.start(settings, reportDirectory));
            }
            if (!stationPerScenario()) {
                Station station = settings.isLive() ? Station.live(bench.get(), settings)
                        : Station.simulated(bench.get(), settings, settings.chargePointId(), CaseNeeds.of(List.of()));
                sharedStation.set(station);
                LOG.info("station {} is connected at {}", station.id(), bench.get().stationUrl(station.id()));
            }
        } catch (RuntimeException | Error e) {
            // every scenario then fails with this, and the report says why the run stopped
            startFailure.set(e);
            throw e;
        }
    }

    private void stop() {
        Station station = sharedStation.getAndSet(null);
        if (station != null) {
            station.close();
        }
        Bench own = ownsBench ? bench.getAndSet(null) : null;
        if (own != null) {
            own.close();
        }
        if (started != null) {
            LOG.info("scenario time of the whole run: {} s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
        }
    }

    Settings settings() {
        return settings;
    }

    /**
     * On the simulator, scenarios that run side by side each get a station of their own, so
     * nothing one does can be seen or disturbed by another; a live charger is one station for all.
     */
    boolean stationPerScenario() {
        return !settings.isLive() && settings.parallelism() > 1;
    }

    /**
     * The station a new scenario runs against: the run's one, or a new simulated one named after the
     * scenario and built for what it needs.
     */
    Station stationFor(String scenarioLabel, CaseNeeds needs) {
        if (!stationPerScenario()) {
            Station station = sharedStation.get();
            if (station == null) {
                throw startFailed();
            }
            return station;
        }
        Bench shared = bench.get();
        if (shared == null) {
            throw startFailed();
        }
        String id = settings.chargePointId() + "-" + scenarioLabel + "-" + scenarios.incrementAndGet();
        return Station.simulated(shared, settings, id, needs);
    }

    private IllegalStateException startFailed() {
        Throwable why = startFailure.get();
        return new IllegalStateException("the run could not start"
                + (why == null ? ": see the first error of this run" : ": " + why.getMessage()), null);
    }

    void active(World world) {
        active.add(world);
    }

    void inactive(World world) {
        active.remove(world);
    }

    /** Runs on Ctrl-C or kill: the scenarios that were interrupted restore the keys they changed. */
    private static final class RestoreOnInterrupt extends Thread {
        final Set<Run> runs = ConcurrentHashMap.newKeySet();

        RestoreOnInterrupt() {
            super("chargecheck-restore-on-exit");
            Runtime.getRuntime().addShutdownHook(this);
        }

        @Override
        public void run() {
            for (Run run : runs) {
                for (World world : run.active) {
                    LOG.warn("interrupted during '{}': restoring the configuration keys it changed", world.scenarioName());
                    world.restoreConfigurationOnly();
                }
            }
        }
    }

    private static final RestoreOnInterrupt RESTORE_ON_INTERRUPT = new RestoreOnInterrupt();
}
