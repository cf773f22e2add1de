package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.Responders;
import io.chargecheck.certification.Context;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.AuthorizeResponse;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the central system answers the station of a case, where the OCA's case says (its "Tool"
 * column): a BootNotification Rejected or Pending, a card Invalid. Only that station is answered so,
 * and only until the case ends.
 */
public final class CentralSystemAnswers {

    /** OCTT's own transaction ids stay clear of the central system's, so a mix-up shows. */
    private static final AtomicInteger TRANSACTION_IDS = new AtomicInteger(900_000);

    private final Context context;

    public CentralSystemAnswers(Context context) {
        this.context = context;
    }

    private Responders responders() {
        return context.bench().centralSystem().responders();
    }

    private String station() {
        return context.station().id();
    }

    /**
     * The next BootNotification of the station is answered with this status and the retry interval
     * of the OCA's test data ({@code chargecheck.octt.retryInterval}); the ones after it Accepted, with
     * the test's heartbeat interval, so that the case can see the heartbeats it checks.
     */
    public Duration answerNextBootWith(RegistrationStatus status) {
        Duration retry = context.settings().octtSeconds("retryInterval", 2, 20);
        AtomicInteger answered = new AtomicInteger();
        responders().onFor(station(), BootNotificationRequest.class, (id, boot) -> answered.getAndIncrement() == 0
                ? new BootNotificationResponse(status, now(), (int) retry.toSeconds())
                : new BootNotificationResponse(RegistrationStatus.Accepted, now(), context.settings().testHeartbeatInterval()));
        return retry;
    }

    /** Every Authorize and StartTransaction of this card is answered with this status. */
    public void answerCardWith(String idTag, AuthorizationStatus status) {
        responders().onFor(station(), AuthorizeRequest.class, (id, authorize) -> new AuthorizeResponse(
                authorize.idTag().equalsIgnoreCase(idTag) ? new IdTagInfo(status) : policyFor(authorize.idTag())));
        responders().onFor(station(), StartTransactionRequest.class, (id, start) -> new StartTransactionResponse(
                start.idTag().equalsIgnoreCase(idTag) ? new IdTagInfo(status) : policyFor(start.idTag()),
                TRANSACTION_IDS.incrementAndGet()));
    }

    private IdTagInfo policyFor(String idTag) {
        return context.bench().centralSystem().config().idTags().infoOf(idTag);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
