package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import io.chargecheck.ocpp.message.Request;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The station's side of the central system's calls: each answered at once by the part of the
 * station whose feature profile it belongs to (a CALLERROR for an unknown action, one no part
 * handles, or a payload that breaks the rules), and what the call sets off happens after the
 * answer is on the wire. Runs on the simulator's event loop.
 */
final class RemoteCommands {

    /** A part's answer to one kind of call. */
    interface Handler<Q extends Request<?>> {
        Answer answer(Q request);
    }

    private final Station station;
    private final EventLog log;
    private final Map<Action, Handler<Request<?>>> handlers = new EnumMap<>(Action.class);
    private final Map<Action, Handler<Request<?>>> withoutProfile = new EnumMap<>(Action.class);

    RemoteCommands(Station station) {
        this.station = station;
        this.log = station.log;
    }

    /** A part takes the calls of this request type. */
    <Q extends Request<?>> void on(Class<Q> type, Handler<Q> handler) {
        Action action = Action.ofRequestType(type);
        if (handlers.containsKey(action)) {
            throw new IllegalStateException(action + " already has a handler");
        }
        handlers.put(action, request -> handler.answer(type.cast(request)));
    }

    /**
     * How a station without the profile of these calls answers them, where OCPP 1.6 gives it an
     * answer of its own (ReserveNow: Rejected); without one it is a CALLERROR NotSupported.
     */
    <Q extends Request<?>> void withoutProfile(Class<Q> type, Handler<Q> handler) {
        withoutProfile.put(Action.ofRequestType(type), request -> handler.answer(type.cast(request)));
    }

    /** A frame from the central system: a call to answer, or the answer to a call of ours. */
    void received(String text) {
        Frame frame;
        try {
            frame = FrameCodec.parse(text);
        } catch (MalformedFrameException e) {
            log.warn("unreadable frame from the central system: {}", e.getMessage());
            // OCPP-J answers CALLs only: a broken answer or an unknown message type gets no CALLERROR.
            if (e.messageTypeId().orElse(Frame.CALL_TYPE_ID) == Frame.CALL_TYPE_ID) {
                e.messageId().ifPresent(id -> reply(new Frame.CallError(id, e.code(), e.getMessage())));
            }
            return;
        }
        if (frame instanceof Frame.Call call) {
            called(call);
        } else {
            station.outbox.answer(frame);
        }
    }

    private void called(Frame.Call call) {
        respond(call, answer(call));
    }

    private void respond(Frame.Call call, Answer answer) {
        if (answer.later() != null) {
            int session = station.session();
            answer.later().whenComplete((later, bug) -> station.execute(() -> {
                if (session == station.session()) {
                    respond(call, bug == null ? later
                            : Answer.error(ErrorCode.InternalError, "the station failed to handle " + call.action()));
                }
            }));
            return;
        }
        if (answer.error() != null) {
            log.warn("{} answered with CALLERROR {}: {}", call.action(), answer.error(), answer.description());
            reply(new Frame.CallError(call.messageId(), answer.error(), answer.description()));
            return;
        }
        reply(new Frame.CallResult(call.messageId(), MessageCodec.encode(answer.response())));
        if (answer.then() != null) {
            answer.then().run();
        }
    }

    private void reply(Frame frame) {
        station.connection.write(FrameCodec.write(frame));
    }

    private Answer answer(Frame.Call call) {
        Action action = Action.fromWire(call.action()).orElse(null);
        if (action == null) {
            return Answer.error(ErrorCode.NotImplemented, "unknown action " + call.action());
        }
        if (!action.isSentByCentralSystem()) {
            return Answer.error(ErrorCode.NotSupported, action + " is sent by a charge point, not to one");
        }
        Request<?> request;
        try {
            request = MessageCodec.decodeRequest(action, call.payload());
        } catch (PayloadException e) {
            return Answer.error(e.code(), e.getMessage());
        }
        Handler<Request<?>> handler = station.supports(action.profile()) ? handlers.get(action) : withoutProfile.get(action);
        if (handler == null) {
            return Answer.error(ErrorCode.NotSupported,
                    action + " (" + action.profile() + " profile) is not supported by this station");
        }
        try {
            return handler.answer(request);
        } catch (RuntimeException bug) {
            log.error("internal error handling " + action, bug);
            return Answer.error(ErrorCode.InternalError, "the station failed to handle " + action);
        }
    }

    /**
     * Runs {@code then} on the event loop once all {@code answers} are complete, or after the call
     * timeout at the latest, and not at all if the station rebooted meanwhile.
     */
    void afterAnswers(List<CompletableFuture<?>> answers, Runnable then) {
        int session = station.session();
        boolean[] ran = {false};
        Runnable once = () -> {
            if (!ran[0] && session == station.session()) {
                ran[0] = true;
                then.run();
            }
        };
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).whenComplete((ok, error) -> station.execute(once));
        station.schedule(once, station.config.callTimeout());
    }

    /** A location as it may be logged: without the password. */
    static String redacted(URI location) {
        String userInfo = location.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return location.toString();
        }
        return location.toString().replace(userInfo, userInfo.substring(0, userInfo.indexOf(':')) + ":***");
    }
}
