package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import java.time.Instant;
import java.util.Optional;

/**
 * One thing that happened between the central system and a station, in the order it happened: a
 * frame in or out, or a connection opened, closed or refused.
 *
 * @param frame   the parsed frame; null for connection events and for text that was no frame
 * @param action  the frame's action; for a CALLRESULT or CALLERROR, the action of the call it answers
 * @param message the typed payload (a Request or a Response), null when it broke the rules
 * @param raw     the exact text on the wire, or a description of a connection event
 * @param problem what was wrong with it, in words for the report; null when nothing was
 */
public record JournalEntry(long seq, Instant time, String chargePointId, Direction direction, Kind kind,
                           Frame frame, Action action, Object message, String raw, String problem) {

    /** IN: from the charge point to the central system; OUT: the other way. */
    public enum Direction { IN, OUT }

    public enum Kind { FRAME, CONNECTED, DISCONNECTED, REFUSED }

    public boolean isFrame() {
        return kind == Kind.FRAME;
    }

    /** A CALL of this action from the station. */
    public boolean isCallFromStation(Action wanted) {
        return direction == Direction.IN && frame instanceof Frame.Call && action == wanted;
    }

    public boolean hasProblem() {
        return problem != null;
    }

    public <T> Optional<T> message(Class<T> type) {
        return type.isInstance(message) ? Optional.of(type.cast(message)) : Optional.empty();
    }

    public String messageType() {
        if (frame instanceof Frame.Call) {
            return "CALL";
        }
        if (frame instanceof Frame.CallResult) {
            return "CALLRESULT";
        }
        if (frame instanceof Frame.CallError) {
            return "CALLERROR";
        }
        return kind == Kind.FRAME ? "MALFORMED" : null;
    }
}
