package io.chargecheck.certification;

import io.chargecheck.config.Settings;
import java.time.Duration;

/**
 * What every piece of a case needs: the station under test, the platform's commands, the
 * evidence, the scene.
 */
public record Context(Station station, Platform platform, Evidence evidence, Scene scene, Observations observations) {

    /** What this station shares with the others of the run: the central system, the file server, the console. */
    public Bench bench() {
        return station.bench();
    }

    public Settings settings() {
        return station.settings();
    }

    public Settings.Timeouts timeouts() {
        return station.settings().timeouts();
    }

    /** The connector the cases use. */
    public int connector() {
        return station.settings().connector();
    }

    /** How long evidence that may need a person's hand can take: seconds on the simulator, minutes live. */
    public Duration patience() {
        return station.driver().isSimulated() ? timeouts().message() : timeouts().operator();
    }

    /** Does a physical action and marks where its evidence begins. */
    public void perform(PhysicalAction action) {
        scene.lastAction = evidence.mark();
        station.driver().perform(action);
    }
}
