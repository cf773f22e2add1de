package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.octt.ChargingSession.AfterStop;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;

/**
 * TC_005_1_CS to TC_005_3_CS: the cable pulled out of the EV during a transaction. Whether that
 * stops the transaction is StopTransactionOnEVSideDisconnect; when it does not, the transaction is
 * suspended, and the station says why.
 */
public final class EvSideDisconnect {

    /** What the OCA expects in the StatusNotification of a transaction whose EV is gone. */
    static final String EV_SIDE_DISCONNECTED = "EV side disconnected";

    private final Context context;
    private final ChargingSession session;
    private final MessageOrder order;

    public EvSideDisconnect(Context context, ChargingSession session) {
        this.context = context;
        this.session = session;
        this.order = new MessageOrder(context);
    }

    public void unplugAtEv() {
        context.perform(new PhysicalAction.UnplugAtEv(context.connector()));
    }

    /** SuspendedEV or SuspendedEVSE, its info saying the EV side was disconnected. */
    public void assertSuspendedBecauseEvSideDisconnected() {
        int connector = context.connector();
        JournalEntry suspended = order.awaitInOrder(session.since(), context.patience(), ChargingSession.statusOneOf(connector,
                ChargePointStatus.SuspendedEV, ChargePointStatus.SuspendedEVSE)).get(0);
        session.read(suspended);
        StatusNotificationRequest status = suspended.message(StatusNotificationRequest.class).orElseThrow();
        if (status.info() == null || !status.info().strip().equalsIgnoreCase(EV_SIDE_DISCONNECTED)) {
            throw new AssertionError("expected the StatusNotification " + status.status() + " of connector " + connector
                    + " to say \"" + EV_SIDE_DISCONNECTED + "\" in its info; its info was "
                    + (status.info() == null ? "absent" : "\"" + Untrusted.shown(status.info()) + "\""), null);
        }
    }

    /**
     * After a stop with the cable out of the EV: Finishing while the cable is still in its socket;
     * with a fixed cable nothing is left in a socket, so Available. Unless the tester has said the
     * cable is not fixed (chargecheck.octt.fixedCable=false), either is taken.
     */
    public AfterStop afterStopWithEvGone() {
        return context.settings().octtFact("fixedCable").filter(fixed -> !fixed).isPresent() ? AfterStop.FINISHING
                : AfterStop.FINISHING_OR_AVAILABLE;
    }
}
