package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction.PlugIn;
import io.chargecheck.certification.PhysicalAction.PresentCard;
import io.chargecheck.certification.PhysicalAction.Unplug;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.RemoteStopTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Charging sessions: starting and stopping them, remotely and at the charger, and their evidence. */
public final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final Context context;
    private final Statuses statuses;
    private StopTransactionRequest lastStop;

    public Transactions(Context context, Statuses statuses) {
        this.context = context;
        this.statuses = statuses;
    }

    public void plugIn() {
        context.perform(new PlugIn(context.connector()));
    }

    /** Plugged in: the station says so with Preparing. */
    public void plugInAndAwaitPreparing() {
        plugIn();
        statuses.await(context.connector(), ChargePointStatus.Preparing, patience());
    }

    public void unplug() {
        context.perform(new Unplug(context.connector()));
    }

    /** The card at the reader: to stop the session this scenario started, else to start one. */
    public void presentCard(String idTag) {
        String purpose = context.scene().transactionId != null ? "to stop the running session"
                : idTag.equalsIgnoreCase(context.settings().rejectedIdTag())
                ? "to start a charging session (the central system refuses this card)" : "to start a charging session";
        context.perform(new PresentCard(context.connector(), idTag, purpose));
    }

    public void presentCardWithoutCable(String idTag) {
        context.perform(new PhysicalAction.PresentCardWithoutCable(context.connector(), idTag));
    }

    public RemoteStartStopStatus remoteStart(String idTag) {
        return context.platform().send(new RemoteStartTransactionRequest(context.connector(), idTag, null)).status();
    }

    public RemoteStartStopStatus remoteStop() {
        return context.platform().send(new RemoteStopTransactionRequest(runningTransaction())).status();
    }

    /** Waits for the StartTransaction of the connector and remembers the transactionId we gave it. */
    public int awaitStart() {
        Received<StartTransactionRequest> start = context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + context.connector(), s -> s.connectorId() == context.connector())
                .after(context.scene().lastAction).within(patience());
        int transactionId = transactionIdGivenTo(start.entry()).orElseThrow(() -> new AssertionError(
                "the central system's answer to the StartTransaction of connector " + context.connector() + " is not in its "
                        + "journal", null));
        context.scene().transactionId = transactionId;
        return transactionId;
    }

    public void awaitAuthorize(String idTag) {
        context.evidence().next(AuthorizeRequest.class)
                .matching("for card " + idTag, a -> a.idTag().equalsIgnoreCase(idTag))
                .after(context.scene().lastAction).within(patience());
    }

    public void assertNoTransactionStarts() {
        context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + context.connector(), s -> s.connectorId() == context.connector())
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }

    /**
     * Makes sure the station has seen the card accepted online, so its authorization cache can
     * approve it offline: presenting it with no cable makes it ask, then ConnectionTimeOut lets go.
     */
    public void ensureCardAuthorized(String idTag) {
        boolean known = context.evidence().received(AuthorizeRequest.class, 0).stream()
                .anyMatch(a -> a.message().idTag().equalsIgnoreCase(idTag));
        if (!known) {
            presentCardWithoutCable(idTag);
            awaitAuthorize(idTag);
            awaitConnectionTimeOut();
        }
    }

    /** Waits for the StopTransaction of the transaction this scenario started. */
    public StopTransactionRequest awaitStop() {
        int transactionId = runningTransaction();
        lastStop = context.evidence().next(StopTransactionRequest.class)
                .matching("for transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(context.scene().lastAction).within(patience()).message();
        return lastStop;
    }

    public StopTransactionRequest lastStop() {
        if (lastStop == null) {
            throw new IllegalStateException("no StopTransaction was awaited in this scenario");
        }
        return lastStop;
    }

    /**
     * OCPP's StopTransactionOnEVSideDisconnect, read first and changed only when it is not true. A
     * station that will not take the setting may stop on unplugging all the same, which is what
     * the case judges; its refusal is a non-conformance (the key is required and writable).
     */
    public void stopOnUnplug() {
        String key = "StopTransactionOnEVSideDisconnect";
        if (context.platform().readKey(key).map(k -> "true".equalsIgnoreCase(String.valueOf(k.value()).strip())).orElse(false)) {
            return;
        }
        ConfigurationStatus status = context.platform().changeConfiguration(key, "true");
        if (status != ConfigurationStatus.Accepted) {
            context.nonConformance(key + " = true was answered " + status
                    + "; whether unplugging stops the transaction is tested all the same");
        }
    }

    /** Authorised but no cable: back to Available once ConnectionTimeOut has passed. */
    public void awaitConnectionTimeOut() {
        int seconds = context.platform().readInteger("ConnectionTimeOut");
        statuses.await(context.connector(), ChargePointStatus.Available, context.scene().lastAction,
                Duration.ofSeconds(seconds).plus(context.timeouts().message()));
    }

    /** The whole start: cable in, remote start with the accepted card, StartTransaction, Charging. */
    public void startRunning() {
        plugInAndAwaitPreparing();
        RemoteStartStopStatus answer = remoteStart(context.settings().acceptedIdTag());
        if (answer != RemoteStartStopStatus.Accepted) {
            throw new AssertionError("expected the station to accept RemoteStartTransaction; it answered " + answer, null);
        }
        awaitStart();
        statuses.await(context.connector(), ChargePointStatus.Charging, patience());
    }

    /**
     * Stops every transaction of the station that has no StopTransaction yet, so the next case
     * starts clean. A transaction the station will not stop is tried once and reported once, not
     * again after every later case.
     */
    public void stopAllRunning() {
        for (int transactionId : open()) {
            if (!context.station().firstTime("stop transaction " + transactionId)) {
                continue;
            }
            try {
                long mark = context.evidence().mark();
                RemoteStartStopStatus answer = context.platform().send(new RemoteStopTransactionRequest(transactionId)).status();
                if (answer != RemoteStartStopStatus.Accepted) {
                    throw new AssertionError("the station answered RemoteStopTransaction " + answer, null);
                }
                context.evidence().next(StopTransactionRequest.class)
                        .matching("for transaction " + transactionId, s -> s.transactionId() == transactionId)
                        .after(mark).within(context.timeouts().message());
            } catch (AssertionError e) {
                LOG.warn("could not stop transaction {} after the case ({}); it is not tried again", transactionId,
                        e.getMessage());
                context.observations().note("transaction " + transactionId + " could not be stopped after the case: "
                        + e.getMessage());
            }
        }
    }

    /** Transactions started in this run whose StopTransaction has not come. */
    public Set<Integer> open() {
        Set<Integer> open = new LinkedHashSet<>();
        for (Received<StartTransactionRequest> start : context.evidence().received(StartTransactionRequest.class, 0)) {
            transactionIdGivenTo(start.entry()).ifPresent(open::add);
        }
        List<StopTransactionRequest> stops = context.evidence().messages(StopTransactionRequest.class, 0);
        stops.forEach(stop -> open.remove(stop.transactionId()));
        return open;
    }

    public int runningTransaction() {
        Integer transactionId = context.scene().transactionId;
        if (transactionId == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return transactionId;
    }

    private Optional<Integer> transactionIdGivenTo(JournalEntry start) {
        return context.evidence().answerTo(start)
                .flatMap(answer -> answer.message(StartTransactionResponse.class))
                .map(StartTransactionResponse::transactionId);
    }

    private Duration patience() {
        return context.patience();
    }

}
