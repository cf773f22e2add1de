package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Statuses;
import io.chargecheck.ocpp.message.Core.UnlockConnectorRequest;
import io.chargecheck.ocpp.message.Core.UnlockStatus;

/** TC_030_CS and TC_031_CS: an unlock that cannot succeed, and one for a connector the station does not have. */
public final class UnlockFailures {

    private final Context context;
    private int unlocked;
    private UnlockStatus answer;

    public UnlockFailures(Context context) {
        this.context = context;
    }

    /** The person blocks the connector's lock; only the UnlockConnector answer can show it. */
    public void blockTheLock() {
        context.perform(new PhysicalAction.BlockLock(context.connector()));
    }

    public void unlockTheConnector() {
        unlock(context.connector());
    }

    /** The first connector id past NumberOfConnectors. */
    public void unlockAnUnknownConnector() {
        unlock(new Statuses(context).connectorCount() + 1);
    }

    private void unlock(int connectorId) {
        unlocked = connectorId;
        answer = context.platform().send(new UnlockConnectorRequest(connectorId)).status();
    }

    public void assertAnswered(UnlockStatus expected, String because) {
        if (answer != expected) {
            throw new AssertionError("expected UnlockConnector for connector " + unlocked + " to be answered " + expected
                    + " (" + because + "); it was " + answer, null);
        }
    }
}
