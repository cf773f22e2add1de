package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing that happened between the central system and a station, in the order it happened: a
 * frame in or out, or a connection opened, closed or refused.
 *
 * <p>It keeps the frame as text, with its type and message id beside it, and not as a JSON
 * tree: every frame of a run stays in memory, and parse trees made the garbage collector's pauses
 * the largest part of the central system's latency under load. {@link #frame()} parses on demand.
 *
 * @param messageType CALL, CALLRESULT, CALLERROR, or MALFORMED for text that was no frame; null for events
 * @param messageId   the frame's message id; null for events and for text that was no frame
 * @param action  the frame's action; for a CALLRESULT or CALLERROR, the action of the call it answers
 * @param message the typed payload (a Request or a Response), null when it broke the rules
 * @param raw     the exact text on the wire, or a description of a connection event
 * @param problem what was wrong with it, in words for the report; null when nothing was
 */
public record JournalEntry(long seq, Instant time, String chargePointId, Direction direction, Kind kind,
                           String messageType, String messageId, Action action, Object message, String raw,
                           String problem) {

    /** IN: from the charge point to the central system; OUT: the other way. */
    public enum Direction { IN, OUT }

    /** LISTENER: the central system's own listening socket stopped and was opened again. */
    public enum Kind { FRAME, CONNECTED, DISCONNECTED, REFUSED, LISTENER }

    public boolean isFrame() {
        return kind == Kind.FRAME;
    }

    /** A CALL of this action from the station. */
    public boolean isCallFromStation(Action wanted) {
        return direction == Direction.IN && "CALL".equals(messageType) && action == wanted;
    }

    public boolean hasProblem() {
        return problem != null;
    }

    public <T> Optional<T> message(Class<T> type) {
        return type.isInstance(message) ? Optional.of(type.cast(message)) : Optional.empty();
    }

    /** The frame, parsed again from its text; null for connection events and for text that was no frame. */
    public Frame frame() {
        if (messageId == null) {
            return null;
        }
        try {
            return FrameCodec.parse(raw);
        } catch (MalformedFrameException e) {
            return null;
        }
    }

    /** The type of frame an entry is, from the frame it was made of. */
    static String typeOf(Frame frame) {
        if (frame instanceof Frame.Call) {
            return "CALL";
        }
        if (frame instanceof Frame.CallResult) {
            return "CALLRESULT";
        }
        return frame instanceof Frame.CallError ? "CALLERROR" : "MALFORMED";
    }
}
