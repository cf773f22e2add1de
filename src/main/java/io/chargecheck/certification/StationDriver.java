package io.chargecheck.certification;

import java.time.Duration;

/**
 * The hands on the station under test. The same feature runs on both faces: the simulator acts
 * at once, a live charger waits for a person. Either way the OCPP messages that follow are the
 * evidence, not the driver's word.
 */
public interface StationDriver extends AutoCloseable {

    /** Does the action, or asks the person at the charger to do it; returns without waiting for evidence. */
    void perform(PhysicalAction action);

    /** How long the evidence of an action may take: a person needs longer than a simulator. */
    Duration patienceFor(PhysicalAction action);

    /** True when the station is a simulator whose state can be reset without a person. */
    boolean isSimulated();

    @Override
    void close();
}
