package io.chargecheck.steps;

import io.chargecheck.certification.Bench;
import io.chargecheck.config.Settings;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench of the run: started once before the first case, stopped after the last. It is the
 * one piece of state that outlives a scenario; everything per scenario lives in {@link World}.
 * It is kept per thread because the self-test runs several suites at once in one JVM, each on
 * its own thread (Cucumber runs a suite's scenarios on the thread that launched it).
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private static final ThreadLocal<Bench> BENCH = new ThreadLocal<>();
    private static final ThreadLocal<Instant> STARTED = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> RUN_INFO_SENT = ThreadLocal.withInitial(() -> false);
    /** Scenarios under way, so Ctrl-C can put back what they changed on the charger. */
    private static final Set<World> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final Thread RESTORE_ON_INTERRUPT = new Thread(Run::restoreActive, "chargecheck-restore-on-exit");

    static {
        Runtime.getRuntime().addShutdownHook(RESTORE_ON_INTERRUPT);
    }

    private Run() {
    }

    @BeforeAll
    public static void startBench() {
        STARTED.set(Instant.now());
        Settings settings = Settings.load();
        LOG.info("ChargeCheck run against the {} with {}", settings.isLive() ? "live charger" : "built-in simulator",
                settings.describe());
        Bench bench = Bench.start(settings);
        BENCH.set(bench);
        LOG.info("station {} is connected at {}", bench.chargePointId(), bench.stationUrl());
    }

    @AfterAll
    public static void stopBench() {
        Bench bench = BENCH.get();
        if (bench != null) {
            bench.close();
            BENCH.remove();
        }
        RUN_INFO_SENT.remove();
        if (STARTED.get() != null) {
            LOG.info("scenario time of the whole run: {} s", Duration.between(STARTED.get(), Instant.now()).toMillis() / 1000.0);
            STARTED.remove();
        }
    }

    /** True for the first scenario of the run only: what the report needs to know once. */
    static boolean firstScenario() {
        boolean first = !RUN_INFO_SENT.get();
        RUN_INFO_SENT.set(true);
        return first;
    }

    static void active(World world) {
        ACTIVE.add(world);
    }

    static void inactive(World world) {
        ACTIVE.remove(world);
    }

    /** Runs on Ctrl-C or kill: the scenarios that were interrupted restore the keys they changed. */
    private static void restoreActive() {
        for (World world : ACTIVE) {
            LOG.warn("interrupted during '{}': restoring the configuration keys it changed", world.scenario().getName());
            world.platform.restoreConfiguration();
        }
    }

    static Bench bench() {
        Bench bench = BENCH.get();
        if (bench == null) {
            throw new IllegalStateException("the bench was not started: see the first error of this run");
        }
        return bench;
    }
}
