package io.chargecheck.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * The station's outgoing calls: one at a time on the wire (OCPP-J allows one outstanding CALL per
 * direction), the rest waiting in order. Transaction messages (StartTransaction, transaction
 * MeterValues, StopTransaction) are also written to the {@link StateStore} until the central
 * system has answered them, so they survive a lost connection and a restart, and are replayed in
 * order; other messages are dropped when there is no connection. Transaction messages created
 * before the central system assigned the transaction's id carry a local (negative) placeholder,
 * replaced by the assigned id when they are sent.
 *
 * <p>Not thread-safe: used on the simulator's event loop only.
 */
final class Outbox {

    /** Writes one frame to the connection; false when there is no open connection to write to. */
    interface Wire {
        boolean write(String frame);
    }

    /** Runs a task on the event loop after a delay. */
    interface Scheduler {
        ScheduledFuture<?> schedule(Runnable task, Duration delay);
    }

    /**
     * One outgoing call. {@code settled} completes once the central system has answered it (or the
     * station gave up on the answer), or once it is parked in the offline queue, or dropped: then
     * the station has done all it can for now, and the central system has seen what it got.
     */
    static final class Outgoing<R extends Response> {
        final Action action;
        final ObjectNode payload;
        final Integer localTransactionId;
        final CompletableFuture<R> answer = new CompletableFuture<>();
        final CompletableFuture<Void> settled = new CompletableFuture<>();
        private String messageId;
        /** Kept while offline and replayed at the pace of a slow charger. */
        private boolean paced;

        private Outgoing(Action action, ObjectNode payload, Integer localTransactionId) {
            this.action = action;
            this.payload = payload;
            this.localTransactionId = localTransactionId;
            answer.whenComplete((response, error) -> settled.complete(null));
        }

        boolean isTransactional() {
            return localTransactionId != null;
        }

        @SuppressWarnings("unchecked")
        private void answered(Response response) {
            answer.complete((R) response);
        }
    }

    private final StateStore store;
    private final Wire wire;
    private final Scheduler scheduler;
    private final Duration callTimeout;
    private final boolean patchPlaceholders;
    private final EventLog log;

    private final Deque<Outgoing<?>> queue = new ArrayDeque<>();
    private final Map<Integer, Integer> transactionIds = new HashMap<>();
    private int nextLocalTransactionId = -1;
    private Outgoing<?> inFlight;
    private ScheduledFuture<?> inFlightTimeout;
    private boolean connected;
    private boolean registered;

    // replaying what was kept while offline the way some chargers do: slowly, or one message late
    private Duration paceDelay;
    private Duration paceGap;
    private boolean paceOpen = true;
    private ScheduledFuture<?> paceTimer;
    private Duration lateDelay;
    private Outgoing<?> lateReading;
    private Outgoing<?> lateAfter;
    private ScheduledFuture<?> lateTimer;

    /**
     * @param patchPlaceholders false copies the defect of chargers that replay queued messages with
     *                          their local transaction id instead of the one the central system assigned
     */
    Outbox(StateStore store, Wire wire, Scheduler scheduler, Duration callTimeout, boolean patchPlaceholders,
           EventLog log) {
        this.store = store;
        this.wire = wire;
        this.scheduler = scheduler;
        this.callTimeout = callTimeout;
        this.patchPlaceholders = patchPlaceholders;
        this.log = log;
    }

    /**
     * After a reconnect, the kept transaction messages go one at a time: the first {@code delay}
     * after the reconnect, each next one {@code gap} after the answer to the one before. Other
     * messages are not held up; later transaction messages wait behind the kept ones.
     */
    void paceReplay(Duration delay, Duration gap) {
        this.paceDelay = delay;
        this.paceGap = gap;
    }

    /**
     * A defect: after a reconnect, the last kept MeterValues before a kept StopTransaction of the same
     * transaction is held back and sent {@code delay} after the StopTransaction was answered.
     */
    void replayOneLate(Duration delay) {
        this.lateDelay = delay;
    }

    /** Forgets everything in memory and reads the transaction messages back from disk, as after a power cycle. */
    void reload() {
        queue.forEach(outgoing -> outgoing.answer.completeExceptionally(new CallFailedException("station restarted")));
        queue.clear();
        inFlight = null;
        lateReading = null; // on disk, read back below
        endReplay();
        transactionIds.clear();
        StateStore.OfflineQueue saved = store.loadQueue();
        nextLocalTransactionId = saved.nextLocalTransactionId();
        transactionIds.putAll(saved.transactionIds());
        for (StateStore.QueuedMessage message : saved.messages()) {
            Action action = Action.fromWire(message.action()).orElseThrow(
                    () -> new IllegalStateException("unknown action " + message.action() + " in " + store.queueFile()));
            Outgoing<?> outgoing = new Outgoing<>(action, (ObjectNode) message.payload(), message.localTransactionId());
            outgoing.settled.complete(null);
            queue.addLast(outgoing);
        }
        if (!queue.isEmpty()) {
            log.info("{} transaction message(s) waiting from before the restart", queue.size());
        }
    }

    /** A fresh local transaction id: negative, never reused, also across restarts. */
    int newLocalTransactionId() {
        int id = nextLocalTransactionId--;
        persist();
        return id;
    }

    <R extends Response> Outgoing<R> send(Request<R> request) {
        return enqueue(request, null);
    }

    /** A message of the transaction known locally as {@code localTransactionId}: kept until delivered. */
    <R extends Response> Outgoing<R> sendTransactional(Request<R> request, int localTransactionId) {
        return enqueue(request, localTransactionId);
    }

    private <R extends Response> Outgoing<R> enqueue(Request<R> request, Integer localTransactionId) {
        Outgoing<R> outgoing = new Outgoing<>(Action.of(request), (ObjectNode) MessageCodec.encode(request), localTransactionId);
        if (!outgoing.isTransactional() && !connected) {
            log.info("not connected: {} not sent", outgoing.action);
            outgoing.answer.completeExceptionally(new CallFailedException("not connected"));
            return outgoing;
        }
        queue.addLast(outgoing);
        if (outgoing.isTransactional()) {
            persist();
            if (!connected || !registered) {
                log.info("offline: {} queued ({} waiting)", outgoing.action, queuedTransactionMessages());
                outgoing.settled.complete(null);
            }
        }
        pump();
        return outgoing;
    }

    /** The connection or the registration changed; losing the connection drops what is not a transaction message. */
    void state(boolean connected, boolean registered) {
        boolean wasOnline = isOnline();
        boolean lost = this.connected && !connected;
        this.connected = connected;
        this.registered = connected && registered;
        if (lost) {
            connectionLost();
        }
        if (!wasOnline && isOnline()) {
            replayBegins();
        }
        pump();
    }

    private void replayBegins() {
        if (lateDelay != null) {
            holdOneBack();
        }
        if (paceDelay == null) {
            return;
        }
        long kept = queue.stream().filter(Outgoing::isTransactional).peek(outgoing -> outgoing.paced = true).count();
        if (kept > 0) {
            log.info("replaying {} kept transaction message(s) one at a time, the first in {} ms (variant slow-replay)",
                    kept, paceDelay.toMillis());
            paceOpen = false;
            paceTimer = scheduler.schedule(this::paceOpens, paceDelay);
        }
    }

    private void paceOpens() {
        paceOpen = true;
        pump();
    }

    private void endReplay() {
        if (paceTimer != null) {
            paceTimer.cancel(false);
        }
        paceOpen = true;
        queue.forEach(outgoing -> outgoing.paced = false);
        if (lateTimer != null) {
            lateTimer.cancel(false);
        }
        if (lateReading != null) {
            queue.addLast(lateReading); // still out of order, as it would be on the charger
            lateReading = null;
        }
        lateAfter = null;
    }

    private void holdOneBack() {
        Outgoing<?> stop = queue.stream().filter(outgoing -> outgoing.action == Action.StopTransaction && outgoing.isTransactional())
                .findFirst().orElse(null);
        if (stop == null) {
            return;
        }
        Outgoing<?> reading = null;
        for (Outgoing<?> outgoing : queue) {
            if (outgoing == stop) {
                break;
            }
            if (outgoing.action == Action.MeterValues && stop.localTransactionId.equals(outgoing.localTransactionId)) {
                reading = outgoing;
            }
        }
        if (reading != null) {
            queue.remove(reading);
            lateReading = reading;
            lateAfter = stop;
            log.info("a kept MeterValues will come {} ms after the StopTransaction (quirk replay-out-of-order-late)",
                    lateDelay.toMillis());
        }
    }

    private void lateReadingDue() {
        if (lateReading != null) {
            queue.addLast(lateReading);
            lateReading = null;
            lateAfter = null;
            pump();
        }
    }

    boolean isOnline() {
        return connected && registered;
    }

    /** The central system answered a call of ours. */
    void answer(Frame frame) {
        if (inFlight == null || !inFlight.messageId.equals(frame.messageId())) {
            log.warn("answer to message {}, which is not the one waiting for an answer; ignored", frame.messageId());
            return;
        }
        Outgoing<?> done = inFlight;
        inFlight = null;
        inFlightTimeout.cancel(false);
        if (frame instanceof Frame.CallError error) {
            log.warn("{} answered with CALLERROR {} {}", done.action, error.code(), error.description());
            done.answer.completeExceptionally(new CallFailedException(error.code(), error.code() + " " + error.description()));
        } else {
            try {
                Response response = MessageCodec.decodeResponse(done.action, ((Frame.CallResult) frame).payload());
                if (response instanceof StartTransactionResponse started && done.isTransactional()) {
                    transactionIds.put(done.localTransactionId, started.transactionId());
                }
                done.answered(response);
            } catch (PayloadException e) {
                log.warn("answer to {} breaks the rules: {}", done.action, e.getMessage());
                done.answer.completeExceptionally(new CallFailedException(e.code(), e.getMessage()));
            }
        }
        if (done.isTransactional()) {
            persist();
        }
        if (done.paced) {
            done.paced = false;
            paceNext();
        }
        if (done == lateAfter) {
            lateTimer = scheduler.schedule(this::lateReadingDue, lateDelay);
        }
        pump();
    }

    private void paceNext() {
        paceTimer = scheduler.schedule(this::paceOpens, paceGap);
    }

    /** Completes once everything queued so far is settled: answered, parked offline, or dropped. */
    CompletableFuture<Void> drained() {
        Outgoing<?> last = queue.peekLast();
        if (last == null) {
            last = inFlight;
        }
        return last == null ? CompletableFuture.completedFuture(null) : last.settled;
    }

    int queuedTransactionMessages() {
        int count = inFlight != null && inFlight.isTransactional() ? 1 : 0;
        count += lateReading != null ? 1 : 0;
        for (Outgoing<?> outgoing : queue) {
            count += outgoing.isTransactional() ? 1 : 0;
        }
        return count;
    }

    /** Throws away the queued transaction messages (a defect some chargers have on reconnect). */
    int dropTransactionMessages() {
        int dropped = 0;
        for (Iterator<Outgoing<?>> it = queue.iterator(); it.hasNext(); ) {
            Outgoing<?> outgoing = it.next();
            if (outgoing.isTransactional()) {
                it.remove();
                outgoing.answer.completeExceptionally(new CallFailedException("dropped"));
                dropped++;
            }
        }
        persist();
        return dropped;
    }

    private void pump() {
        if (inFlight != null || !connected) {
            return;
        }
        Outgoing<?> next = registered ? nextToSend() : firstBootNotification();
        if (next == null) {
            return;
        }
        next.messageId = UUID.randomUUID().toString();
        String frame = FrameCodec.write(new Frame.Call(next.messageId, next.action.name(), wirePayload(next)));
        if (!wire.write(frame)) {
            return; // the connection is closing; its close event will come and decide
        }
        queue.remove(next);
        inFlight = next;
        if (next.paced) {
            paceOpen = false;
        }
        Outgoing<?> sent = next;
        inFlightTimeout = scheduler.schedule(() -> timedOut(sent), callTimeout);
    }

    /** The first in the queue, except that kept transaction messages wait for their pace (and all later ones with them). */
    private Outgoing<?> nextToSend() {
        boolean transactionsHeld = false;
        for (Outgoing<?> outgoing : queue) {
            if (outgoing.isTransactional()) {
                if (transactionsHeld) {
                    continue;
                }
                if (outgoing.paced && !paceOpen) {
                    transactionsHeld = true;
                    continue;
                }
            }
            return outgoing;
        }
        return null;
    }

    private Outgoing<?> firstBootNotification() {
        for (Outgoing<?> outgoing : queue) {
            if (outgoing.action == Action.BootNotification) {
                return outgoing;
            }
        }
        return null;
    }

    private ObjectNode wirePayload(Outgoing<?> outgoing) {
        Integer assigned = outgoing.isTransactional() ? transactionIds.get(outgoing.localTransactionId) : null;
        if (assigned == null || !patchPlaceholders || !outgoing.payload.has("transactionId")) {
            return outgoing.payload;
        }
        return outgoing.payload.deepCopy().put("transactionId", assigned);
    }

    private void timedOut(Outgoing<?> outgoing) {
        if (inFlight != outgoing) {
            return;
        }
        inFlight = null;
        if (outgoing.isTransactional()) {
            log.warn("no answer to {} within {} s; sending it again", outgoing.action, callTimeout.toSeconds());
            queue.addFirst(outgoing);
            if (outgoing.paced) {
                paceNext();
            }
        } else {
            log.warn("no answer to {} within {} s", outgoing.action, callTimeout.toSeconds());
            outgoing.answer.completeExceptionally(new CallFailedException("no answer within " + callTimeout));
        }
        pump();
    }

    private void connectionLost() {
        endReplay();
        if (inFlight != null) {
            inFlightTimeout.cancel(false);
            if (inFlight.isTransactional()) {
                inFlight.settled.complete(null);
                queue.addFirst(inFlight); // not answered, so not known to be delivered: send it again
            } else {
                inFlight.answer.completeExceptionally(new CallFailedException("connection lost before the answer"));
            }
            inFlight = null;
        }
        List<Outgoing<?>> dropped = new ArrayList<>();
        for (Iterator<Outgoing<?>> it = queue.iterator(); it.hasNext(); ) {
            Outgoing<?> outgoing = it.next();
            outgoing.settled.complete(null);
            if (!outgoing.isTransactional()) {
                it.remove();
                dropped.add(outgoing);
            }
        }
        dropped.forEach(outgoing -> outgoing.answer.completeExceptionally(new CallFailedException("connection lost")));
        if (queuedTransactionMessages() > 0) {
            log.info("{} transaction message(s) kept for when the connection is back", queuedTransactionMessages());
        }
    }

    private void persist() {
        List<StateStore.QueuedMessage> messages = new ArrayList<>();
        Set<Integer> referenced = new HashSet<>();
        List<Outgoing<?>> pending = new ArrayList<>();
        if (inFlight != null) {
            pending.add(inFlight);
        }
        pending.addAll(queue);
        if (lateReading != null) {
            pending.add(lateReading);
        }
        for (Outgoing<?> outgoing : pending) {
            if (outgoing.isTransactional()) {
                messages.add(new StateStore.QueuedMessage(outgoing.action.name(), outgoing.localTransactionId, outgoing.payload));
                referenced.add(outgoing.localTransactionId);
            }
        }
        transactionIds.keySet().retainAll(referenced);
        store.saveQueue(new StateStore.OfflineQueue(nextLocalTransactionId, transactionIds, messages));
    }
}
