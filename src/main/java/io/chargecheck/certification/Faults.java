package io.chargecheck.certification;

import io.chargecheck.certification.PhysicalAction.CauseFault;
import io.chargecheck.certification.PhysicalAction.ClearFault;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;

/** Case 10: hardware faults, on a connector or of the station itself (connector 0). */
public final class Faults {

    private final Context context;
    private final Statuses statuses;

    public Faults(Context context, Statuses statuses) {
        this.context = context;
        this.statuses = statuses;
    }

    public void cause(int connector) {
        context.perform(new CauseFault(connector));
    }

    public void clear(int connector) {
        context.perform(new ClearFault(connector));
    }

    public void assertFaulted(int connector) {
        statuses.awaitFaulted(connector, context.station().driver().patienceFor(new CauseFault(connector)));
    }

    public void assertCleared(int connector) {
        statuses.awaitLeaving(connector, ChargePointStatus.Faulted, context.station().driver().patienceFor(new ClearFault(connector)));
    }
}
