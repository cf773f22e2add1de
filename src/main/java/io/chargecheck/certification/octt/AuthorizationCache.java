package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import java.time.Duration;

/**
 * TC_007_CS and TC_061_CS: the authorization cache. With LocalPreAuthorize a card the cache
 * accepts starts at once, without an Authorize; after ClearCache the station has to ask again.
 */
public final class AuthorizationCache {

    private final Context context;
    private final ChargingSession session;

    public AuthorizationCache(Context context, ChargingSession session) {
        this.context = context;
        this.session = session;
    }

    /** The card again, to withdraw the authorisation; a charger that does not let go so lets ConnectionTimeOut run out. */
    public void withdrawAuthorization(String idTag) {
        context.perform(new PhysicalAction.PresentCard(context.connector(), idTag, "again to withdraw its authorisation "
                + "(if the charger does not let go that way, leave it until its ConnectionTimeOut has passed)"));
    }

    /** Available again: at once when the card withdrew the authorisation, at the latest after ConnectionTimeOut. */
    public void assertAvailableAgain() {
        Duration timeout = Duration.ofSeconds(context.platform().readInteger("ConnectionTimeOut")).plus(context.patience());
        new MessageOrder(context).awaitInOrder(context.scene().lastAction, timeout,
                Expected.status(context.connector(), ChargePointStatus.Available)).forEach(session::read);
    }

    /** StartTransaction and Charging after the remote start, and no Authorize of the card: the cache decided. */
    public void assertStartedFromCache(String idTag) {
        long since = context.scene().lastAction;
        session.awaitStartAndCharging(idTag);
        context.evidence().next(AuthorizeRequest.class).matching("for card " + idTag, a -> a.idTag().equalsIgnoreCase(idTag))
                .after(since).find().ifPresent(authorize -> {
                    throw new AssertionError("expected the station to start the transaction for card " + idTag + " from its "
                            + "authorization cache (LocalPreAuthorize is true), without asking; it sent an Authorize for it at "
                            + Describe.time(authorize.entry().time()), null);
                });
    }
}
