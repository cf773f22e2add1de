package io.chargecheck.centralsystem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargecheck.centralsystem.CallFailure.Reason;
import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.TypedCall;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.Violation;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation with one connected charge point. OCPP-J allows one outstanding CALL per
 * direction, so our calls wait in a queue while one is in flight; the station's own calls are
 * answered at once, whatever we are waiting for (a charger may send Authorize before it answers
 * our RemoteStartTransaction).
 */
public final class StationSession {

    private static final Logger LOG = LoggerFactory.getLogger(StationSession.class);
    /** Remembered so a late answer is reported as late, not as an answer to nothing. */
    private static final int TIMED_OUT_IDS_KEPT = 64;
    /**
     * OCPP-J wants every CALL id of a sender new on its connection. The last this many are kept to
     * catch a reused one (a constant id, a counter that restarts) while a session of weeks stays bounded.
     */
    private static final int CALL_IDS_KEPT = 1000;
    /** A frame at debug level: whole for the usual sizes, cut for a flood. */
    private static final int FRAME_SHOWN = 2000;
    /**
     * Shared and never changed: the stand-in payload of a frame the journal gets as text (a result
     * written directly, a call read in one pass); the journal takes only its type and id from it.
     */
    private static final ObjectNode NO_PAYLOAD =
            JsonNodeFactory.instance.objectNode();

    private final String chargePointId;
    private final WebSocket socket;
    /** Ours for every connection the server accepts; null only for a socket a test made some other way. */
    private final ConnectionChannel channel;
    private final Journal journal;
    private final Responders responders;
    private final ScheduledExecutorService timer;
    private final Duration defaultTimeout;
    private final StationRules rules;
    private final ConnectionDetails details;

    private final Object lock = new Object();
    private final ArrayDeque<PendingCall<?>> waiting = new ArrayDeque<>();
    private final Map<String, Action> timedOut = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Action> eldest) {
            return size() > TIMED_OUT_IDS_KEPT;
        }
    };
    private final RecentIds recentCallIds = new RecentIds(CALL_IDS_KEPT);
    private PendingCall<?> inFlight;
    private boolean closed;

    StationSession(String chargePointId, WebSocket socket, Journal journal, Responders responders,
                   ScheduledExecutorService timer, Duration defaultTimeout, StationRules rules, ConnectionDetails details) {
        this.rules = rules;
        this.details = details;
        this.chargePointId = chargePointId;
        this.socket = socket;
        this.channel = Connections.channelOf(socket);
        this.journal = journal;
        this.responders = responders;
        this.timer = timer;
        this.defaultTimeout = defaultTimeout;
    }

    public String chargePointId() {
        return chargePointId;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    /** How this connection was made: its security profile, credentials and TLS. */
    public ConnectionDetails connection() {
        return details;
    }

    /** The connection itself, for the server's own checks and its tests. */
    WebSocket socket() {
        return socket;
    }

    /** Closes the connection from our side; the station sees the code and reason. */
    void close(int code, String reason) {
        socket.close(code, reason);
    }

    /** Sends a call to the station; the future completes with its typed answer or a {@link CallFailure}. */
    public <R extends Response> CompletableFuture<R> call(Request<R> request) {
        return call(request, defaultTimeout);
    }

    public <R extends Response> CompletableFuture<R> call(Request<R> request, Duration timeout) {
        PendingCall<R> call = new PendingCall<>(UUID.randomUUID().toString(), Action.of(request), request, timeout);
        synchronized (lock) {
            if (closed) {
                call.fail(Reason.DISCONNECTED, chargePointId + " is not connected; " + call.action + " was not sent", null);
                return call.future;
            }
            waiting.add(call);
            sendNextLocked();
        }
        return call.future;
    }

    void onText(String text) {
        TypedCall typed = TypedCall.read(text);
        if (typed != null) {
            // the usual frame, read in one pass; anything else takes the thorough way below, which says what is wrong
            answer(new Frame.Call(typed.messageId(), typed.action().name(), NO_PAYLOAD), typed.action(), typed.request(), text,
                    reusedIdProblem(typed.messageId()), null);
            return;
        }
        Frame frame;
        try {
            frame = FrameCodec.parse(text);
        } catch (MalformedFrameException e) {
            onMalformed(text, e);
            return;
        }
        if (frame instanceof Frame.Call call) {
            answer(call, text);
        } else {
            settle(frame, text);
        }
    }

    private void onMalformed(String text, MalformedFrameException e) {
        int type = e.messageTypeId().orElse(Frame.CALL_TYPE_ID);
        if (type == Frame.CALLRESULT_TYPE_ID || type == Frame.CALLERROR_TYPE_ID) {
            // A broken answer is not answered (OCPP-J answers CALLs only); if it answers our call,
            // that call fails now instead of waiting for its timeout.
            settleMalformed(text, e);
            return;
        }
        if (type != Frame.CALL_TYPE_ID) {
            // OCPP-J 1.6 section 4.1.3: a message type number not in the list SHALL be ignored.
            // Answering would also break a peer that speaks a newer OCPP-J (2.1 adds types 5 and 6).
            journal.recordFrame(chargePointId, Direction.IN, null, null, null, text,
                    e.getMessage() + "; ignored without an answer, as OCPP-J section 4.1.3 prescribes");
            LOG.warn("{} sent a frame of an unknown message type, ignored: {}", chargePointId, Untrusted.shown(text, Untrusted.EXCERPT));
            return;
        }
        String problem = e.code() + ": " + e.getMessage();
        journal.recordFrame(chargePointId, Direction.IN, null, null, null, text, problem);
        LOG.warn("{} sent a malformed frame ({}): {}", chargePointId, Untrusted.shown(e.getMessage(), Untrusted.EXCERPT),
                Untrusted.shown(text, Untrusted.EXCERPT));
        // Without a readable id there is nothing to answer to; OCPP 2.0.1 uses "-1" for that case.
        sendError(new Frame.CallError(e.messageId().orElse("-1"), e.code(), e.getMessage()), null);
    }

    /**
     * A frame Java-WebSocket refused before it became text (too large, not UTF-8): the connection
     * closes with the code RFC 6455 gives, and the journal names the frame that caused it.
     */
    void onRefusedFrame(String description, String problem) {
        journal.recordFrame(chargePointId, Direction.IN, null, null, null, description, problem);
        LOG.warn("{}: {}", chargePointId, Untrusted.shown(problem, Untrusted.EXCERPT));
    }

    void onBinary() {
        String problem = "FormationViolation: binary frame; OCPP-J uses text frames only";
        journal.recordFrame(chargePointId, Direction.IN, null, null, null, "<binary frame>", problem);
        LOG.warn("{} sent a binary frame; OCPP-J uses text frames only", chargePointId);
        sendError(new Frame.CallError("-1", ErrorCode.FormationViolation, "binary frames are not OCPP-J"), null);
    }

    /** The connection is gone: every call still waiting fails now, not at its timeout. */
    void onClosed(String why) {
        List<PendingCall<?>> orphans = new ArrayList<>();
        synchronized (lock) {
            closed = true;
            if (inFlight != null) {
                orphans.add(inFlight);
                inFlight.cancelTimer();
                inFlight = null;
            }
            orphans.addAll(waiting);
            waiting.clear();
        }
        for (PendingCall<?> call : orphans) {
            call.fail(Reason.DISCONNECTED, chargePointId + " disconnected (" + why + ") before answering " + call.action, null);
        }
    }

    private void answer(Frame.Call call, String raw) {
        String reusedId = reusedIdProblem(call.messageId());
        Action action = Action.fromWire(call.action()).orElse(null);
        if (action == null) {
            reject(call, null, raw, ErrorCode.NotImplemented, "unknown action '" + call.action() + "'", reusedId);
            return;
        }
        if (!action.isSentByChargePoint()) {
            reject(call, action, raw, ErrorCode.NotSupported, action + " is sent by a central system, not by a charge point",
                    reusedId);
            return;
        }
        Request<?> request;
        try {
            request = MessageCodec.decodeRequest(action, call.payload());
        } catch (PayloadException e) {
            reject(call, action, raw, e.code(), e.getMessage(), reusedId);
            return;
        }
        answer(call, action, request, raw, reusedId, ciStringProblem(call.payload(), action.requestType()));
    }

    /** A call of a known action with a valid payload: the rules that depend on what was said before, then the answer. */
    private void answer(Frame.Call call, Action action, Request<?> request, String raw, String reusedId, String asciiProblem) {
        StationRules.Verdict verdict = rules.check(request);
        if (verdict.error() != null) {
            reject(call, action, raw, verdict.error(), verdict.problem(), joined(reusedId, asciiProblem));
            return;
        }
        // The answer is chosen before the call is in the journal: whoever sees the call there (a case
        // that then sets how the next one is answered) sees a central system that has chosen already.
        Response response;
        RuntimeException failed = null;
        try {
            response = responders.answer(chargePointId, request);
        } catch (RuntimeException e) {
            response = null;
            failed = e;
        }
        journal.recordFrame(chargePointId, Direction.IN, call, action, request, raw,
                joined(reusedId, verdict.problem(), asciiProblem));
        if (failed != null) {
            LOG.error("answering {} {} failed", chargePointId, action, failed);
            sendError(new Frame.CallError(call.messageId(), ErrorCode.InternalError, "central system failed: " + failed), action);
            return;
        }
        if (response == null) {
            sendError(new Frame.CallError(call.messageId(), ErrorCode.NotSupported, action + " is not supported here"), action);
            return;
        }
        rules.answered(response);
        String text = FrameCodec.writeCallResult(call.messageId(), response);
        // the journal takes a result's type and id from its frame; its payload is in the text
        send(text, new Frame.CallResult(call.messageId(), NO_PAYLOAD), action, response, null);
    }

    /** Printable ASCII in CiStrings: noted, not refused (see {@link PayloadValidator#nonPrintableCiStrings}). */
    private static String ciStringProblem(JsonNode payload, Class<?> type) {
        List<Violation> found = PayloadValidator.nonPrintableCiStrings(payload, type);
        return found.isEmpty() ? null : found.stream().map(Violation::describe)
                .collect(Collectors.joining("; ")) + " (answered all the same)";
    }

    private static String joined(String... problems) {
        String all = null;
        for (String problem : problems) {
            if (problem != null) {
                all = all == null ? problem : all + "; " + problem;
            }
        }
        return all;
    }

    /**
     * A CALL whose id this station used before on this connection is still answered: the central
     * system cannot tell it from a new call, and OCPP-J has no CALLERROR for it. It is a protocol
     * problem of the station all the same, so the journal says so.
     */
    private String reusedIdProblem(String messageId) {
        if (!recentCallIds.seenElseAdd(messageId)) {
            return null;
        }
        LOG.warn("{} reused message id '{}'", chargePointId, Untrusted.shown(messageId));
        return "message id '" + messageId + "' was already used by an earlier CALL of this station on this connection;"
                + " OCPP-J requires a new id for every CALL (answered all the same)";
    }

    private void reject(Frame.Call call, Action action, String raw, ErrorCode code, String why, String reusedId) {
        String problem = code + ": " + why + (reusedId == null ? "" : "; " + reusedId);
        journal.recordFrame(chargePointId, Direction.IN, call, action, null, raw, problem);
        LOG.warn("{} sent {} that breaks OCPP 1.6: {}", chargePointId, Untrusted.shown(call.action()),
                Untrusted.shown(why, Untrusted.EXCERPT));
        sendError(new Frame.CallError(call.messageId(), code, why), action);
    }

    private void settle(Frame frame, String raw) {
        PendingCall<?> call = takeInFlight(frame.messageId());
        if (call == null) {
            Action late;
            synchronized (lock) {
                late = timedOut.remove(frame.messageId());
            }
            String problem = late != null
                    ? "answer to " + late + " arrived after the call had timed out"
                    : "answer to message id '" + frame.messageId() + "', which no call of ours has";
            journal.recordFrame(chargePointId, Direction.IN, frame, late, null, raw, problem);
            LOG.warn("{}: {}", chargePointId, Untrusted.shown(problem, Untrusted.EXCERPT));
        } else {
            call.complete(frame, raw);
        }
        synchronized (lock) {
            sendNextLocked();
        }
    }

    private void settleMalformed(String raw, MalformedFrameException e) {
        String messageId = e.messageId().orElse(null);
        PendingCall<?> call = messageId == null ? null : takeInFlight(messageId);
        String problem = e.code() + ": " + e.getMessage();
        if (call == null && messageId != null) {
            problem += " (answer to message id '" + messageId + "', which no call of ours has)";
        }
        problem += "; not answered, as OCPP-J answers CALLs only";
        journal.recordFrame(chargePointId, Direction.IN, null, call == null ? null : call.action, null, raw, problem);
        LOG.warn("{} sent a malformed answer ({}): {}", chargePointId, Untrusted.shown(e.getMessage(), Untrusted.EXCERPT),
                Untrusted.shown(raw, Untrusted.EXCERPT));
        if (call != null) {
            call.fail(Reason.INVALID_RESPONSE, chargePointId + " answered " + call.action
                    + " with a frame that is not OCPP-J: " + e.getMessage(), null);
        }
        synchronized (lock) {
            sendNextLocked();
        }
    }

    /** Our call in flight if it has this id, no longer in flight then; null if none has. */
    private PendingCall<?> takeInFlight(String messageId) {
        synchronized (lock) {
            if (inFlight == null || !inFlight.messageId.equals(messageId)) {
                return null;
            }
            PendingCall<?> call = inFlight;
            call.cancelTimer();
            inFlight = null;
            return call;
        }
    }

    private void sendNextLocked() {
        if (inFlight != null || waiting.isEmpty() || closed) {
            return;
        }
        PendingCall<?> call = waiting.poll();
        inFlight = call;
        Frame.Call frame = new Frame.Call(call.messageId, call.action.name(), MessageCodec.encode(call.request));
        call.timer = timer.schedule(() -> timeOut(call), call.timeout.toMillis(), TimeUnit.MILLISECONDS);
        send(frame, call.action, call.request, null);
    }

    private void timeOut(PendingCall<?> call) {
        synchronized (lock) {
            if (inFlight != call) {
                return;
            }
            inFlight = null;
            timedOut.put(call.messageId, call.action);
            sendNextLocked();
        }
        call.fail(Reason.TIMEOUT, chargePointId + " did not answer " + call.action + " within "
                + call.timeout.toMillis() / 1000.0 + " s", null);
    }

    private void sendError(Frame.CallError error, Action action) {
        send(error, action, null, null);
    }

    private void send(Frame frame, Action action, Object message, String problem) {
        send(FrameCodec.write(frame), frame, action, message, problem);
    }

    private void send(String text, Frame frame, Action action, Object message, String problem) {
        // Journal first: the answer can arrive before send() returns.
        journal.recordFrame(chargePointId, Direction.OUT, frame, action, message, text, problem);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} <- {}", chargePointId, Untrusted.shown(text, FRAME_SHOWN));
        }
        try {
            if (channel != null) {
                channel.send((WebSocketImpl) socket, text);
            } else {
                socket.send(text);
            }
        } catch (WebsocketNotConnectedException e) {
            // Closed between the journal and the send: a call in flight fails through onClosed.
            LOG.debug("{}: connection closed before a frame could be sent", chargePointId);
        }
    }

    private final class PendingCall<R extends Response> {
        final String messageId;
        final Action action;
        final Request<R> request;
        final Duration timeout;
        final CompletableFuture<R> future = new CompletableFuture<>();
        ScheduledFuture<?> timer;

        PendingCall(String messageId, Action action, Request<R> request, Duration timeout) {
            this.messageId = messageId;
            this.action = action;
            this.request = request;
            this.timeout = timeout;
        }

        void cancelTimer() {
            if (timer != null) {
                timer.cancel(false);
            }
        }

        void complete(Frame frame, String raw) {
            if (frame instanceof Frame.CallError error) {
                journal.recordFrame(chargePointId, Direction.IN, error, action, null, raw, null);
                fail(Reason.CALL_ERROR, chargePointId + " answered " + action + " with CALLERROR " + error.code()
                        + (error.description().isEmpty() ? "" : " (" + error.description() + ")"), error);
                return;
            }
            Frame.CallResult result = (Frame.CallResult) frame;
            try {
                Response response = MessageCodec.decodeResponse(action, result.payload());
                rules.learned(response);
                journal.recordFrame(chargePointId, Direction.IN, result, action, response, raw,
                        ciStringProblem(result.payload(), action.responseType()));
                future.complete(castResponse(response));
            } catch (PayloadException e) {
                String problem = e.code() + ": " + e.getMessage();
                journal.recordFrame(chargePointId, Direction.IN, result, action, null, raw, problem);
                LOG.warn("{} answered {} with a payload that breaks OCPP 1.6: {}", chargePointId, action,
                        Untrusted.shown(e.getMessage(), Untrusted.EXCERPT));
                fail(Reason.INVALID_RESPONSE, chargePointId + " answered with an invalid " + e.getMessage(), null);
            }
        }

        @SuppressWarnings("unchecked")
        private R castResponse(Response response) {
            return (R) response;
        }

        void fail(Reason reason, String message, Frame.CallError error) {
            future.completeExceptionally(new CallFailure(reason, action, message, error));
        }
    }
}
