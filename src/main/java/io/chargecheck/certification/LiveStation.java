package io.chargecheck.certification;

import io.chargecheck.config.Settings;
import io.chargecheck.ocpp.Untrusted;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real charger on the bench: every physical action becomes one clear instruction for the person
 * beside it; the steps then wait for the charger's own OCPP messages as the evidence.
 */
public final class LiveStation implements StationDriver {

    private static final Logger LOG = LoggerFactory.getLogger(LiveStation.class);

    private final Settings settings;
    private final Console console;
    /** Named in every instruction when several chargers are on the bench; null for "the charger". */
    private final String chargePointId;

    LiveStation(Settings settings, Console console, String chargePointId) {
        this.settings = settings;
        this.console = console;
        this.chargePointId = chargePointId;
    }

    @Override
    public void perform(PhysicalAction action) {
        LOG.info("asking the person at the charger to {}", action.title());
        console.instruct(chargePointId == null ? action.instruction() : Untrusted.shown(chargePointId) + ": " + action.instruction(),
                patienceFor(action));
    }

    @Override
    public Duration patienceFor(PhysicalAction action) {
        return settings.timeouts().operator();
    }

    @Override
    public boolean isSimulated() {
        return false;
    }

    @Override
    public void close() {
        // The charger is not ours to stop.
    }
}
