package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.time.Duration;

/**
 * TC_023_CS, TC_024_CS and TC_041_CS: where a station must start no transaction though a driver
 * tries: the card is refused, the connector cannot lock the plug, the connector is faulted.
 */
public final class RefusedStarts {

    private final Context context;
    private final MessageOrder order;
    private boolean authorizesRemoteStarts;

    public RefusedStarts(Context context) {
        this.context = context;
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    /**
     * TC_023_CS: the status after the cable went in, once it has lasted the station's
     * MinimumStatusDuration (the case sets it to 10 s, so the Preparing comes that much later).
     */
    public void assertConnectorReportsAfterMinimumDuration(ChargePointStatus status) {
        int minimum = context.platform().readKey("MinimumStatusDuration").map(KeyValue::value).map(String::strip)
                .filter(v -> v.matches("\\d+")).map(Integer::parseInt).orElse(0);
        order.awaitInOrder(context.scene().lastAction, context.patience().plusSeconds(minimum),
                Expected.status(connector(), status));
    }

    // ---------------------------------------------------------------- TC_024_CS: lock failure

    /** The reusable state GetConfiguration for AuthorizeRemoteTxRequests, before the remote start. */
    public void readWhetherRemoteStartsAreAuthorized() {
        authorizesRemoteStarts = context.platform().readKey("AuthorizeRemoteTxRequests").map(KeyValue::value)
                .map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** After an accepted remote start with no cable: Authorize when AuthorizeRemoteTxRequests is true, then Preparing. */
    public void assertRemoteStartAuthorizedAndPreparing(String idTag) {
        Expected preparing = Expected.status(connector(), ChargePointStatus.Preparing);
        if (authorizesRemoteStarts) {
            order.awaitInOrder(context.scene().lastAction, context.timeouts().message(), ReusableStates.authorizeOf(idTag),
                    preparing);
        } else {
            order.awaitInOrder(context.scene().lastAction, context.timeouts().message(), preparing);
        }
    }

    public void plugInHalfway() {
        context.perform(new PhysicalAction.PlugInHalfway(connector()));
    }

    /** Faulted, and with the error code the OCA names (ConnectorLockFailure), not just any. */
    public void assertFaultedWith(ChargePointErrorCode errorCode) {
        Received<StatusNotificationRequest> faulted = context.evidence().next(StatusNotificationRequest.class)
                .matching("for connector " + connector() + " with status Faulted",
                        s -> s.connectorId() == connector() && s.status() == ChargePointStatus.Faulted)
                .after(context.scene().lastAction).within(context.patience());
        if (faulted.message().errorCode() != errorCode) {
            throw new AssertionError("expected connector " + connector() + " to report Faulted with errorCode " + errorCode
                    + "; it reported Faulted with " + faulted.message().errorCode(), null);
        }
    }

    // ---------------------------------------------------------------- TC_041_CS: fault behaviour

    /** The driver plugs in and presents the accepted card at the faulted connector; the station may rightly say nothing. */
    public void tryToStartAtTheFaultedConnector() {
        context.perform(new PhysicalAction.TryToStartWhileFaulted(connector(), context.settings().acceptedIdTag()));
    }

    /**
     * No StartTransaction for the <Configured Transaction Duration> of the OCA's test data
     * ({@code chargecheck.octt.transactionDuration}: 2 s on the simulator, 30 s live); at a live
     * charger counted from when the person can have done it.
     */
    public void assertNoStartForTheTransactionDuration() {
        Duration duration = context.settings().octtSeconds("transactionDuration", 2, 30);
        Duration during = context.station().driver().isSimulated() ? duration : context.patience().plus(duration);
        context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + connector(), s -> s.connectorId() == connector())
                .after(context.scene().lastAction).none(during);
    }
}
