package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import java.time.Duration;

/** Case 2: heartbeats on their own, on request, and at the interval the platform sets. */
public final class Heartbeats {

    private static final int ONE_HOUR = 3600;

    private final Context context;

    public Heartbeats(Context context) {
        this.context = context;
    }

    /** Waits one interval (the one given at boot) plus its tolerance for a heartbeat nobody asked for. */
    public void awaitUnprompted() {
        Duration interval = Duration.ofSeconds(context.settings().bootHeartbeatInterval());
        context.evidence().next(HeartbeatRequest.class).after(context.scene().start)
                .within(interval.plus(Cadence.toleranceFor(interval)).plus(context.timeouts().message()));
    }

    public void awaitOne() {
        context.evidence().next(HeartbeatRequest.class).after(context.scene().lastAction).within(context.timeouts().message());
    }

    public void assertIntervalAtMostAnHour() {
        int interval = context.platform().readInteger("HeartbeatInterval");
        if (interval <= 0 || interval > ONE_HOUR) {
            throw new AssertionError("expected HeartbeatInterval between 1 and " + ONE_HOUR + " seconds; it is " + interval, null);
        }
        context.observations().note("HeartbeatInterval " + interval + " s");
    }

    /** The test interval, or the next second when the station beats at it already: a change must be seen to take. */
    public void setTestInterval() {
        int interval = context.platform().differentFromCurrent("HeartbeatInterval", context.settings().testHeartbeatInterval());
        context.platform().configure("HeartbeatInterval", String.valueOf(interval));
        context.scene().testInterval = interval;
        new Resets(context).applyRebootRequiredChanges();
        context.scene().lastAction = context.evidence().mark();
    }

    public void assertTestCadence() {
        Cadence.assertInterval(context.evidence(), HeartbeatRequest.class, "Heartbeats", any -> true,
                context.scene().lastAction, Duration.ofSeconds(context.scene().testInterval));
    }
}
