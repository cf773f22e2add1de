package io.chargecheck.steps;

import io.chargecheck.certification.Bench;
import io.chargecheck.config.Settings;
import io.cucumber.java.AfterAll;
import io.cucumber.java.BeforeAll;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bench of the run: started once before the first case, stopped after the last. It is the
 * one piece of state that outlives a scenario; everything per scenario lives in {@link World}.
 */
public final class Run {

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);

    private static volatile Bench bench;
    private static volatile Instant started;

    private Run() {
    }

    @BeforeAll
    public static void startBench() {
        started = Instant.now();
        Settings settings = Settings.load();
        LOG.info("ChargeCheck run against the {} with {}", settings.isLive() ? "live charger" : "built-in simulator",
                settings.describe());
        bench = Bench.start(settings);
        LOG.info("station {} is connected at {}", bench.chargePointId(), bench.stationUrl());
    }

    @AfterAll
    public static void stopBench() {
        if (bench != null) {
            bench.close();
            bench = null;
        }
        LOG.info("scenario time of the whole run: {} s", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    static Bench bench() {
        if (bench == null) {
            throw new IllegalStateException("the bench was not started: see the first error of this run");
        }
        return bench;
    }
}
