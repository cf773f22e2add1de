package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import java.util.List;
import java.util.Optional;

/**
 * TC_010_CS to TC_012_CS: sessions the central system starts and stops. Whether the station asks
 * to authorize the card of a remote start is its AuthorizeRemoteTxRequests, read as the OCA does
 * at the start of the case.
 */
public final class RemoteSessions {

    private static final String AUTHORIZE_REMOTE = "AuthorizeRemoteTxRequests";

    private final Context context;
    private final ChargingSession session;
    private final MessageOrder order;
    private Boolean authorizeRemote;

    public RemoteSessions(Context context, ChargingSession session) {
        this.context = context;
        this.session = session;
        this.order = new MessageOrder(context);
    }

    /** The reusable state Charging as the whole case: the cable in first, then the remote start. */
    public void chargeCableFirst() {
        new ReusableStates(context).charging();
    }

    public void readAuthorizeRemoteTxRequests() {
        context.platform().send(new GetConfigurationRequest(List.of(AUTHORIZE_REMOTE)));
    }

    /** The answer names the key (it is a required Core key); its value decides whether an Authorize follows. */
    public void assertAuthorizeRemoteTxRequestsReported() {
        GetConfigurationResponse answer = context.platform().lastAnswer(GetConfigurationResponse.class);
        Optional<KeyValue> key = answer.configurationKey() == null ? Optional.empty()
                : answer.configurationKey().stream().filter(k -> k.key().equalsIgnoreCase(AUTHORIZE_REMOTE)).findFirst();
        if (key.isEmpty()) {
            String returned = answer.configurationKey() == null || answer.configurationKey().isEmpty() ? "no key"
                    : Untrusted.shown(answer.configurationKey().stream().map(KeyValue::key).toList().toString());
            throw new AssertionError("expected GetConfiguration of " + AUTHORIZE_REMOTE + " to return the key; it returned "
                    + returned + (answer.unknownKey() == null || answer.unknownKey().isEmpty() ? ""
                    : ", unknownKey " + Untrusted.shown(answer.unknownKey().toString())), null);
        }
        authorizeRemote = key.map(KeyValue::value).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    /** After the remote start: the Authorize of the card when AuthorizeRemoteTxRequests is true, then Preparing. */
    public void assertPreparingAfterRemoteStart(String idTag) {
        if (authorizeRemote == null) {
            throw new IllegalStateException("the case reads AuthorizeRemoteTxRequests before the remote start");
        }
        List<JournalEntry> seen = authorizeRemote
                ? order.awaitInOrder(session.since(), context.patience(), ReusableStates.authorizeOf(idTag),
                        Expected.status(context.connector(), ChargePointStatus.Preparing))
                : order.awaitInOrder(session.since(), context.patience(),
                        Expected.status(context.connector(), ChargePointStatus.Preparing));
        seen.forEach(session::read);
    }
}
