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

    /**
     * What OCPP 1.6 requires beyond the script's acceptance criteria, not met by the station: the
     * script's verdict stands and the finding is shown beside it, unless chargecheck.strict makes
     * every such finding a failure.
     */
    public void nonConformance(String finding) {
        if (settings().strict()) {
            throw new AssertionError("not as OCPP 1.6 requires: " + finding + " (a failure because chargecheck.strict is set)",
                    null);
        }
        observations.nonConformance(finding);
    }

    /** Runs a check of what OCPP 1.6 requires beyond the script: its failure is a {@link #nonConformance}. */
    public void beyondTheScript(Runnable check) {
        try {
            check.run();
        } catch (AssertionError e) {
            nonConformance(e.getMessage());
        }
    }

    /**
     * Does a physical action and marks where its evidence begins. At a live charger the console
     * asks the person, and the step goes on only once the charger shows the action was done.
     */
    public void perform(PhysicalAction action) {
        scene.lastAction = evidence.mark();
        station.driver().perform(action);
        if (!station.driver().isSimulated()) {
            action.sign().ifPresent(sign -> evidence.awaitSign(action, sign, scene.lastAction,
                    station.driver().patienceFor(action)));
        }
    }
}
