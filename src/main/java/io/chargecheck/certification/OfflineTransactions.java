package io.chargecheck.certification;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction.ChargeWhileOffline;
import io.chargecheck.certification.PhysicalAction.EndTransaction;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Case 14: the central system goes away, a transaction ends meanwhile, and the station catches up. */
public final class OfflineTransactions {

    /** A safety net: the central system comes back by itself even if a step never asks it to. */
    private static final Duration OFFLINE_AT_MOST = Duration.ofMinutes(15);

    private final Context context;
    private long offlineSince;

    public OfflineTransactions(Context context) {
        this.context = context;
    }

    public void goOffline() {
        CentralSystem cs = context.bench().centralSystem();
        String id = context.station().id();
        offlineSince = context.evidence().mark();
        cs.goOffline(id, OFFLINE_AT_MOST);
        try {
            Awaitility.await("the station's connection to close").atMost(context.timeouts().message())
                    .pollInterval(Duration.ofMillis(10)).until(() -> cs.session(id).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the connection of " + id + " to close when the central system went offline", null);
        }
    }

    /**
     * Nothing reaches us while we are offline, so on a live charger the person gets the whole
     * operator time to end the session; the simulator has done it when perform returns.
     */
    public void endTransactionWhileOffline() {
        doWhileOffline(new EndTransaction(context.connector(), context.settings().acceptedIdTag()));
    }

    public void chargeWhileOffline() {
        doWhileOffline(new ChargeWhileOffline(context.connector(), context.settings().acceptedIdTag()));
    }

    /**
     * Nothing reaches us while we are offline, so on a live charger the person gets the whole
     * operator time for the action; the simulator has done it when perform returns.
     */
    private void doWhileOffline(PhysicalAction action) {
        context.perform(action);
        if (!context.station().driver().isSimulated()) {
            Duration window = context.station().driver().patienceFor(action);
            CentralSystem cs = context.bench().centralSystem();
            Awaitility.await("the offline window").during(window).atMost(window.plusSeconds(5))
                    .until(() -> cs.isOfflineFor(context.station().id()));
        }
    }

    public void comeBackOnline() {
        context.bench().centralSystem().comeBackOnline(context.station().id());
    }

    public void assertReconnected() {
        String id = context.station().id();
        try {
            context.bench().centralSystem().awaitSession(id, context.timeouts().reboot());
        } catch (IllegalStateException e) {
            throw new AssertionError("expected the station to reconnect within " + Describe.seconds(context.timeouts().reboot())
                    + " after the central system came back online", null);
        }
    }

    public void assertStopArrivedUnasked() {
        int transactionId = context.scene().transactionId;
        context.evidence().next(StopTransactionRequest.class)
                .matching("for transaction " + transactionId, s -> s.transactionId() == transactionId)
                .after(offlineSince).within(context.timeouts().reboot());
    }

    /** The StartTransaction kept while offline, and the transactionId we gave it on arrival. */
    public void assertStartArrivedUnasked() {
        Received<StartTransactionRequest> start = context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + context.connector(), s -> s.connectorId() == context.connector())
                .after(offlineSince).within(context.timeouts().reboot());
        context.scene().transactionId = context.evidence().answerTo(start.entry())
                .flatMap(answer -> answer.message(StartTransactionResponse.class))
                .map(StartTransactionResponse::transactionId)
                .orElseThrow(() -> new AssertionError("the central system gave the StartTransaction no transactionId", null));
    }

    /** The replayed transaction messages, in the order they arrived, must carry times that never go back. */
    public void assertReplayedInOrder() {
        List<JournalEntry> replayed = context.evidence().entries(offlineSince).stream()
                .filter(e -> e.message() instanceof StartTransactionRequest || e.message() instanceof MeterValuesRequest
                        || e.message() instanceof StopTransactionRequest)
                .toList();
        List<String> story = new ArrayList<>();
        Instant previous = Instant.MIN;
        boolean inOrder = true;
        for (JournalEntry entry : replayed) {
            Instant happened = happenedAt(entry.message());
            story.add(entry.action() + " of " + Describe.time(happened));
            inOrder &= !happened.isBefore(previous);
            previous = happened;
        }
        if (!inOrder) {
            throw new AssertionError("expected the messages kept while offline to arrive in the order they happened; "
                    + "they arrived as: " + String.join(", ", story), null);
        }
        context.observations().note(replayed.size() + " cached message(s) delivered after reconnecting");
    }

    private static Instant happenedAt(Object message) {
        if (message instanceof StartTransactionRequest s) {
            return s.timestamp();
        }
        if (message instanceof StopTransactionRequest s) {
            return s.timestamp();
        }
        MeterValuesRequest m = (MeterValuesRequest) message;
        return m.meterValue().stream().map(MeterValue::timestamp).min(Instant::compareTo).orElse(Instant.MIN);
    }

}
