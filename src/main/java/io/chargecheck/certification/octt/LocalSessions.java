package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.util.Map;
import java.util.Objects;

/**
 * TC_003_CS to TC_004_2_CS, TC_068_CS and TC_069_CS: sessions started and stopped with a card at
 * the charger. Who may stop a session: the card that started it, or a card of its group (the same
 * parentIdTag), never another driver's.
 */
public final class LocalSessions {

    private final Context context;
    private final ChargingSession session;

    public LocalSessions(Context context, ChargingSession session) {
        this.context = context;
        this.session = session;
    }

    /** The case's Before: a key set to a time or interval of the test data, unless it has it already. */
    public void configure(String key, long value) {
        new ReusableStates(context).configure(Map.of(key, String.valueOf(value)), false);
    }

    /**
     * The central system gives the card no group in this case: a station has then no reason to ask
     * about another card, since only a card of the transaction's group could stop it.
     */
    public void answerWithoutGroup(String idTag) {
        new CentralSystemAnswers(context).answerCardWith(idTag, AuthorizationStatus.Accepted);
    }

    /** Another driver's card at the reader; at a live charger the person says with Enter that it was done. */
    public void presentForeignCard(String idTag) {
        context.perform(new PhysicalAction.PresentForeignCard(context.connector(), idTag));
        if (!context.station().driver().isSimulated()) {
            context.bench().console().awaitEnter(context.timeouts().operator());
        }
    }

    /** Nothing follows another driver's card: neither an Authorize (of any card) nor a StopTransaction. */
    public void assertForeignCardIgnored() {
        long since = context.scene().lastAction;
        context.evidence().next(StopTransactionRequest.class).after(since).none(context.timeouts().quiet());
        context.evidence().next(AuthorizeRequest.class).after(since).find().ifPresent(authorize -> {
            throw new AssertionError("expected no Authorize after another driver's card was presented at a connector "
                    + "charging for card " + context.settings().acceptedIdTag() + "; received: "
                    + Describe.brief(authorize.message()) + " at " + Describe.time(authorize.entry().time()), null);
        });
    }

    /**
     * The station asks about the card, which the central system accepts as one of the accepted
     * card's group; it is another card than the one the transaction started with.
     */
    public void assertGroupCardAuthorized(String idTag) {
        String starter = context.settings().acceptedIdTag();
        if (idTag.equalsIgnoreCase(starter)) {
            throw new IllegalStateException("the same-group card must differ from the accepted card; both are " + idTag
                    + " (chargecheck.idTag.sameParent)");
        }
        IdTagInfo answered = session.awaitAuthorizeAccepted(idTag);
        String parent = context.settings().parentIdTag();
        if (!Objects.equals(answered.parentIdTag(), parent)) {
            throw new AssertionError("the central system answered the Authorize of card " + idTag + " with parentIdTag "
                    + answered.parentIdTag() + ", not the group " + parent + " of card " + starter
                    + ": check chargecheck.idTag.parent", null);
        }
    }
}
