package io.chargecheck.certification;

import io.chargecheck.config.Settings;
import java.time.Duration;

/** What every piece of a case needs: the bench, the platform's commands, the evidence, the scene. */
public record Context(Bench bench, Platform platform, Evidence evidence, Scene scene, Observations observations) {

    public Settings settings() {
        return bench.settings();
    }

    public Settings.Timeouts timeouts() {
        return bench.settings().timeouts();
    }

    /** The connector the cases use. */
    public int connector() {
        return bench.settings().connector();
    }

    /** How long evidence that may need a person's hand can take: seconds on the simulator, minutes live. */
    public Duration patience() {
        return bench.driver().isSimulated() ? timeouts().message() : timeouts().operator();
    }

    /** Does a physical action and marks where its evidence begins. */
    public void perform(PhysicalAction action) {
        scene.lastAction = evidence.mark();
        bench.driver().perform(action);
    }
}
