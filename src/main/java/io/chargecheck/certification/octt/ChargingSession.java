package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeResponse;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The evidence of one charging session in the OCA's cases, checked step by step in the order the
 * case gives: the Authorize of a card, the start with Charging, the stop with its reason and the
 * status after it, the connector letting go after ConnectionTimeOut. It remembers how far the case
 * has read, so that a step's messages must come after the previous step's.
 */
public final class ChargingSession {

    /** A connector's own timer may start a moment after the Preparing that shows the authorisation. */
    private static final Duration TIMER_SLACK = Duration.ofSeconds(1);

    /** What the connector reports once a transaction has stopped. */
    public enum AfterStop {
        /** The cable is still in: Finishing. */
        FINISHING,
        /** Finishing, or Available where nothing is left in the socket (a fixed cable, or one the station let go). */
        FINISHING_OR_AVAILABLE
    }

    private final Context context;
    private final MessageOrder order;
    /** The journal position of the last message a step of this case matched. */
    private long readUpTo;

    public ChargingSession(Context context) {
        this.context = context;
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    /** Where the next step's evidence begins: after the last action, and after what the last step saw. */
    long since() {
        return Math.max(context.scene().lastAction, readUpTo);
    }

    void read(JournalEntry entry) {
        readUpTo = Math.max(readUpTo, entry.seq());
    }

    /** The station's Authorize of the card, which the central system answered Accepted; returns our answer. */
    public IdTagInfo awaitAuthorizeAccepted(String idTag) {
        JournalEntry authorize = order.awaitInOrder(since(), context.patience(), ReusableStates.authorizeOf(idTag)).get(0);
        read(authorize);
        IdTagInfo answered = context.evidence().answerTo(authorize).flatMap(a -> a.message(AuthorizeResponse.class))
                .map(AuthorizeResponse::idTagInfo)
                .orElseThrow(() -> new AssertionError("the central system's answer to the Authorize of card " + idTag
                        + " is not in its journal", null));
        if (answered.status() != AuthorizationStatus.Accepted) {
            throw new AssertionError("the central system answered the Authorize of card " + idTag + " " + answered.status()
                    + ", not Accepted: check chargecheck.idTag.* (the case needs the card accepted)", null);
        }
        return answered;
    }

    /**
     * StartTransaction for the connector and the card, and Charging (in either order), after the
     * previous step; remembers the transaction the central system gave.
     */
    public int awaitStartAndCharging(String idTag) {
        List<JournalEntry> seen = order.awaitInOrder(since(), context.patience(), MessageOrder.start(connector()),
                Expected.status(connector(), ChargePointStatus.Charging));
        seen.forEach(this::read);
        JournalEntry start = seen.get(0);
        assertStartedFor(start, idTag);
        int transactionId = context.evidence().answerTo(start).flatMap(a -> a.message(StartTransactionResponse.class))
                .map(StartTransactionResponse::transactionId)
                .orElseThrow(() -> new AssertionError("the central system's answer to the StartTransaction of connector "
                        + connector() + " is not in its journal", null));
        context.scene().transactionId = transactionId;
        return transactionId;
    }

    /** The StartTransaction of the transaction the case runs was for this connector and this card. */
    public void assertRunningTransactionStartedFor(String idTag) {
        int transactionId = runningTransaction();
        JournalEntry start = context.evidence().received(StartTransactionRequest.class, context.scene().start).stream()
                .map(r -> r.entry())
                .filter(entry -> context.evidence().answerTo(entry).flatMap(a -> a.message(StartTransactionResponse.class))
                        .map(StartTransactionResponse::transactionId).filter(id -> id == transactionId).isPresent())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no StartTransaction of this case was given transaction "
                        + transactionId, null));
        assertStartedFor(start, idTag);
    }

    private void assertStartedFor(JournalEntry start, String idTag) {
        StartTransactionRequest request = start.message(StartTransactionRequest.class).orElseThrow();
        if (request.connectorId() != connector() || !request.idTag().equalsIgnoreCase(idTag)) {
            throw new AssertionError("expected the StartTransaction for connector " + connector() + " and card " + idTag
                    + "; it was for " + Describe.brief(request), null);
        }
    }

    /**
     * The StopTransaction of the running transaction, with this reason (and this card, unless null),
     * and the status after it, in either order with it.
     */
    public StopTransactionRequest awaitStop(Reason reason, String idTag, AfterStop after) {
        return awaitStop(reason, idTag, after, context.patience());
    }

    StopTransactionRequest awaitStop(Reason reason, String idTag, AfterStop after, Duration timeout) {
        int transactionId = runningTransaction();
        List<JournalEntry> seen = order.awaitInOrder(since(), timeout, MessageOrder.stop(transactionId), statusAfterStop(after));
        seen.forEach(this::read);
        StopTransactionRequest stop = seen.get(0).message(StopTransactionRequest.class).orElseThrow();
        assertStop(stop, reason, idTag);
        return stop;
    }

    /** Checks what the StopTransaction says: its reason (absent is Local, as OCPP 1.6 has it), and its card. */
    void assertStop(StopTransactionRequest stop, Reason reason, String idTag) {
        Reason given = stop.reason() == null ? Reason.Local : stop.reason();
        if (reason != null && given != reason) {
            throw new AssertionError("expected the StopTransaction of transaction " + stop.transactionId() + " with reason "
                    + reason + "; its reason was " + (stop.reason() == null ? "absent (Local)" : stop.reason()), null);
        }
        if (idTag != null && (stop.idTag() == null || !stop.idTag().equalsIgnoreCase(idTag))) {
            throw new AssertionError("expected the StopTransaction of transaction " + stop.transactionId() + " with card "
                    + idTag + "; it named " + (stop.idTag() == null ? "no card" : "card " + Untrusted.shown(stop.idTag())), null);
        }
    }

    Expected statusAfterStop(AfterStop after) {
        return after == AfterStop.FINISHING ? Expected.status(connector(), ChargePointStatus.Finishing)
                : statusOneOf(connector(), ChargePointStatus.Finishing, ChargePointStatus.Available);
    }

    /** A StatusNotification with one of these statuses; with Finishing first it may swap with its StopTransaction. */
    static Expected statusOneOf(int connector, ChargePointStatus first, ChargePointStatus... others) {
        List<ChargePointStatus> allowed = new ArrayList<>(List.of(first));
        allowed.addAll(List.of(others));
        String names = String.join(" or ", allowed.stream().map(Enum::name).toList());
        return new Expected("StatusNotification " + names + " for connector " + connector, entry -> entry
                .message(StatusNotificationRequest.class)
                .filter(s -> Objects.equals(s.connectorId(), connector) && allowed.contains(s.status())).isPresent());
    }

    /**
     * After an authorisation with no cable (Preparing), Available once ConnectionTimeOut has passed.
     * Available well before the timeout is not what OCPP 1.6 asks either: shown beside the verdict.
     */
    public void awaitAvailableAfterConnectionTimeOut() {
        int seconds = context.platform().readInteger("ConnectionTimeOut");
        Duration timeout = Duration.ofSeconds(seconds);
        List<JournalEntry> seen = order.awaitInOrder(context.scene().lastAction, timeout.plus(context.patience()),
                Expected.status(connector(), ChargePointStatus.Preparing), Expected.status(connector(), ChargePointStatus.Available));
        seen.forEach(this::read);
        Duration waited = Duration.between(seen.get(0).time(), seen.get(1).time());
        if (waited.plus(TIMER_SLACK).compareTo(timeout) < 0) {
            context.nonConformance("connector " + connector() + " was Available again " + Describe.seconds(waited)
                    + " after Preparing, before its ConnectionTimeOut of " + seconds + " s");
        } else {
            context.observations().note("connector " + connector() + " Available again " + Describe.seconds(waited)
                    + " after Preparing (ConnectionTimeOut " + seconds + " s)");
        }
    }

    /** The transaction goes on: no StopTransaction for it while nothing happens for the quiet time. */
    public void assertTransactionGoesOn() {
        int transactionId = runningTransaction();
        context.evidence().next(StopTransactionRequest.class)
                .matching("of transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(context.scene().lastAction).none(context.timeouts().quiet());
    }

    int runningTransaction() {
        Integer transactionId = context.scene().transactionId;
        if (transactionId == null) {
            throw new IllegalStateException("no transaction was started in this scenario");
        }
        return transactionId;
    }
}
