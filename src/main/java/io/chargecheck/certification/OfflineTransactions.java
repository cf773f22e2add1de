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

    /** The journal position just before the central system last went offline for the station. */
    public long offlineSince() {
        return offlineSince;
    }

    public void goOffline() {
        CentralSystem cs = context.bench().centralSystem();
        String id = context.station().id();
        offlineSince = context.evidence().mark();
        cs.goOffline(id, OFFLINE_AT_MOST);
        try {
            Waits.await("the station's connection to close").atMost(context.timeouts().message()).until(() -> cs.session(id).isEmpty());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the connection of " + id + " to close when the central system went offline", null);
        }
    }

    public void endTransactionWhileOffline() {
        doWhileOffline(new EndTransaction(context.connector(), context.settings().acceptedIdTag()));
    }

    public void chargeWhileOffline() {
        doWhileOffline(new ChargeWhileOffline(context.connector(), context.settings().acceptedIdTag()));
    }

    /**
     * Nothing reaches us while we are offline, so what the person did can only be seen in the
     * replay that follows. At a live charger the window ends when the person presses Enter, or
     * after the operator time; the simulator has done it when perform returns.
     */
    public void doWhileOffline(PhysicalAction action) {
        context.perform(action);
        if (!context.station().driver().isSimulated()) {
            Duration window = context.station().driver().patienceFor(action);
            if (!context.bench().console().awaitEnter(window)) {
                CentralSystem cs = context.bench().centralSystem();
                Waits.await("the offline window").during(window).atMost(window.plusSeconds(5))
                        .until(() -> cs.isOfflineFor(context.station().id()));
            }
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
                .after(offlineSince).within(replayTime());
    }

    /** The StartTransaction kept while offline, and the transactionId we gave it on arrival. */
    public void assertStartArrivedUnasked() {
        Received<StartTransactionRequest> start = context.evidence().next(StartTransactionRequest.class)
                .matching("for connector " + context.connector(), s -> s.connectorId() == context.connector())
                .after(offlineSince).within(replayTime());
        context.scene().transactionId = context.evidence().answerTo(start.entry())
                .flatMap(answer -> answer.message(StartTransactionResponse.class))
                .map(StartTransactionResponse::transactionId)
                .orElseThrow(() -> new AssertionError("the central system gave the StartTransaction no transactionId", null));
    }

    /**
     * The replayed transaction messages, every one the station kept, in the order they arrived,
     * must carry times that never go back. A station replays at its own pace (one message every
     * few seconds, starting a minute after the reconnection, is seen; so is a kept reading sent
     * minutes after the rest), so the replay counts as done only after a quiet period of
     * chargecheck.timeout.replay, or twice the longest gap seen in it so far when that is longer.
     */
    public void assertReplayedInOrder() {
        List<JournalEntry> replayed = awaitReplayDone();
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

    /** A station replays at its own pace: it may start a while after the reconnection, and send one message at a time. */
    private Duration replayTime() {
        return context.timeouts().reboot().plus(context.timeouts().replay());
    }

    private List<JournalEntry> awaitReplayDone() {
        Duration quiet = context.timeouts().replay();
        // room for the reconnection, the replay, one kept message that comes late and the quiet after it
        Duration atMost = context.timeouts().reboot().plus(quiet.multipliedBy(3));
        try {
            Waits.await("the station to finish replaying what it kept")
                    .atMost(atMost)
                    .conditionEvaluationListener(context.evidence().countdown("the end of the replay", atMost))
                    .until(() -> replayQuietFor(quiet));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("expected the station to finish replaying what it kept within "
                    + Describe.seconds(atMost) + " of coming back; it was still sending transaction messages: "
                    + replayed().size() + " so far", null);
        }
        return replayed();
    }

    private boolean replayQuietFor(Duration quiet) {
        List<JournalEntry> replayed = replayed();
        if (replayed.isEmpty()) {
            return false;
        }
        Duration longestGap = Duration.ZERO;
        for (int i = 1; i < replayed.size(); i++) {
            Duration gap = Duration.between(replayed.get(i - 1).time(), replayed.get(i).time());
            longestGap = gap.compareTo(longestGap) > 0 ? gap : longestGap;
        }
        Duration needed = longestGap.multipliedBy(2).compareTo(quiet) > 0 ? longestGap.multipliedBy(2) : quiet;
        return Duration.between(replayed.get(replayed.size() - 1).time(), Instant.now()).compareTo(needed) >= 0;
    }

    private List<JournalEntry> replayed() {
        return context.evidence().entries(offlineSince).stream()
                .filter(e -> e.direction() == JournalEntry.Direction.IN && "CALL".equals(e.messageType()))
                .filter(e -> e.message() instanceof StartTransactionRequest || e.message() instanceof MeterValuesRequest
                        || e.message() instanceof StopTransactionRequest)
                .toList();
    }

    /**
     * Beyond the script: a station back online keeps its heartbeat (some stop until they reboot).
     * OCPP 1.6 lets another message stand in for a Heartbeat, so any call of the station within its
     * HeartbeatInterval, after the replay, will do.
     */
    public void checkHeartbeatsGoOn() {
        int interval = context.platform().readInteger("HeartbeatInterval");
        long mark = context.evidence().mark();
        Duration wait = Duration.ofSeconds(interval).plus(Cadence.toleranceFor(Duration.ofSeconds(interval)))
                .plus(context.timeouts().message());
        try {
            Waits.await("a Heartbeat after the reconnection")
                    .atMost(wait)
                    .conditionEvaluationListener(context.evidence().countdown("a Heartbeat after the reconnection", wait))
                    .until(() -> context.evidence().entries(mark).stream()
                            .anyMatch(e -> e.direction() == JournalEntry.Direction.IN && "CALL".equals(e.messageType())));
        } catch (ConditionTimeoutException e) {
            context.nonConformance("no Heartbeat (nor any other message) within " + Describe.seconds(wait)
                    + " after reconnecting, with HeartbeatInterval " + interval + " s");
        }
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
