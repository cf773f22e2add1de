package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Platform.Reply;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionResponse;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionResponse;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;

/**
 * TC_026_CS, TC_027_CS and TC_028_CS: remote commands a station must refuse (a start on a connector
 * that charges already, a start on connector 0, a stop of a transaction it does not have), and
 * that nothing happens after the refusal.
 */
public final class RemoteRefusals {

    /** How far from the running transaction's id the unknown one is. */
    private static final int UNKNOWN_OFFSET = 1_000;

    private final Context context;
    private Reply<RemoteStartTransactionResponse> connectorZero;

    public RemoteRefusals(Context context) {
        this.context = context;
    }

    /** TC_026_CS: the remote start for the connector that charges is Rejected, and no second transaction starts. */
    public void assertRemoteStartRejected() {
        RemoteStartStopStatus status = context.platform().lastAnswer(RemoteStartTransactionResponse.class).status();
        if (status != RemoteStartStopStatus.Rejected) {
            throw new AssertionError("expected RemoteStartTransaction for connector " + context.connector() + ", which has a "
                    + "transaction running, to be Rejected; it was " + status, null);
        }
        assertNoTransactionStarts();
    }

    /** TC_027_CS: RemoteStartTransaction for connector 0, which the station may also refuse with a CALLERROR. */
    public void remoteStartOnConnectorZero() {
        connectorZero = context.platform().sendAllowingCallError(new RemoteStartTransactionRequest(0, context.settings().acceptedIdTag(),
                null));
    }

    public void assertConnectorZeroRefused() {
        if (connectorZero.refused()) {
            context.observations().note("RemoteStartTransaction for connector 0 answered with "
                    + connectorZero.refusalInWords());
        } else if (connectorZero.answer().status() != RemoteStartStopStatus.Rejected) {
            throw new AssertionError("expected RemoteStartTransaction for connector 0 to be Rejected (or refused with a "
                    + "CALLERROR); it was " + connectorZero.answer().status(), null);
        }
        context.evidence().next(StartTransactionRequest.class).matching("for any connector", any -> true)
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }

    /** TC_028_CS: RemoteStopTransaction for a transaction id the station does not have. */
    public void remoteStopOfAnUnknownTransaction() {
        context.platform().send(new RemoteStopTransactionRequest(unknownTransaction()));
    }

    /** Rejected, and the running transaction goes on: no StopTransaction follows. */
    public void assertRemoteStopRejected() {
        RemoteStartStopStatus status = context.platform().lastAnswer(RemoteStopTransactionResponse.class).status();
        if (status != RemoteStartStopStatus.Rejected) {
            throw new AssertionError("expected RemoteStopTransaction for transaction " + unknownTransaction()
                    + ", which the station does not have, to be Rejected; it was " + status, null);
        }
        context.evidence().next(StopTransactionRequest.class).matching("of any transaction", any -> true)
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }

    private void assertNoTransactionStarts() {
        context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + context.connector(), s -> s.connectorId() == context.connector())
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }

    private int unknownTransaction() {
        Integer running = context.scene().transactionId;
        if (running == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return running + UNKNOWN_OFFSET;
    }
}
