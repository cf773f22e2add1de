package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing that happened between the central system and a station, in the order it happened: a
 * frame in or out, or a connection opened, closed or refused.
 *
 * <p>It keeps the frame as text, with its type and message id beside it, and neither a JSON tree
 * nor the typed message: under load the journal holds hundreds of thousands of entries, and object
 * graphs per frame made the garbage collector's pauses the largest part of the central system's
 * latency. {@link #frame()} parses on demand, {@link #message()} decodes on demand (once). A frame
 * of more than {@link Journal#KEPT_CHARS} characters is kept cut to that length; its whole text is
 * in the trace file, and {@link #fullRaw()} reads it back from there.
 *
 * <p>Accessors: {@code seq, time, chargePointId, direction, kind, messageType, messageId, action,
 * message, raw, problem}, as when this was a record.
 */
public final class JournalEntry {

    /** IN: from the charge point to the central system; OUT: the other way. */
    public enum Direction { IN, OUT }

    /** LISTENER: the central system's own listening socket stopped and was opened again. */
    public enum Kind { FRAME, CONNECTED, DISCONNECTED, REFUSED, LISTENER }

    private final long seq;
    private final Instant time;
    private final String chargePointId;
    private final Direction direction;
    private final Kind kind;
    private final String messageType;
    private final String messageId;
    private final Action action;
    /** The text, for the few entries that keep it as a string (events, facts); else null. */
    private final String rawText;
    /** The text in the journal's {@link TextStore}, for frames; else null. */
    private final TextStore.Slice rawSlice;
    private final int rawLength;
    private final String problem;
    /** Whether the frame had a valid typed message when it was recorded. */
    private final boolean typed;
    /** Where the whole text is when {@link #raw} is cut; null when it is not. */
    private final TraceWriter trace;
    private volatile Object message;
    /** The byte offset of its line in the trace, once written; -1 before. */
    volatile long traceOffset = -1;
    /**
     * The journal's own bookkeeping, set when it is recorded: its station's journal and what it costs
     * of the budget, so evicting it long after touches nothing else of it (a cold entry's id string
     * and text slice were cache misses on every recording under load).
     */
    StationJournal station;
    long cost;

    JournalEntry(long seq, Instant time, String chargePointId, Direction direction, Kind kind, String messageType,
                 String messageId, Action action, boolean typed, String rawText, TextStore.Slice rawSlice, int rawLength,
                 String problem, TraceWriter trace) {
        this.seq = seq;
        this.time = time;
        this.chargePointId = chargePointId;
        this.direction = direction;
        this.kind = kind;
        this.messageType = messageType;
        this.messageId = messageId;
        this.action = action;
        this.typed = typed;
        this.rawText = rawText;
        this.rawSlice = rawSlice;
        this.rawLength = rawLength;
        this.problem = problem;
        this.trace = trace;
    }

    public long seq() {
        return seq;
    }

    public Instant time() {
        return time;
    }

    public String chargePointId() {
        return chargePointId;
    }

    public Direction direction() {
        return direction;
    }

    public Kind kind() {
        return kind;
    }

    /** CALL, CALLRESULT, CALLERROR, or MALFORMED for text that was no frame; null for events. */
    public String messageType() {
        return messageType;
    }

    /** The frame's message id; null for events and for text that was no frame. */
    public String messageId() {
        return messageId;
    }

    /** The frame's action; for a CALLRESULT or CALLERROR, the action of the call it answers. */
    public Action action() {
        return action;
    }

    /**
     * The exact text on the wire, or a description of a connection event. For a frame of more than
     * {@link Journal#KEPT_CHARS} characters, its beginning and a note of its length: see {@link #fullRaw()}.
     */
    public String raw() {
        return rawText != null ? rawText : rawSlice == null ? null : rawSlice.text();
    }

    /** Its text in the journal's store, or null when it keeps a string. */
    TextStore.Slice rawSlice() {
        return rawSlice;
    }

    /** What its kept text costs in memory, about. */
    int keptBytes() {
        return rawText != null ? rawText.length() : rawSlice == null ? 0 : rawSlice.length();
    }

    /** What was wrong with it, in words for the report; null when nothing was. */
    public String problem() {
        return problem;
    }

    /** Whether {@link #raw()} is only the beginning of the frame. */
    public boolean isTruncated() {
        return trace != null;
    }

    /** The length of the whole text on the wire, in characters. */
    public int rawLength() {
        return rawLength;
    }

    /** The whole text on the wire: {@link #raw()}, or for a cut frame its text read back from the trace. */
    public String fullRaw() {
        return trace == null ? raw() : trace.readRaw(this);
    }

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

    /** The typed payload (a Request or a Response), null when it broke the rules or for events. */
    public Object message() {
        Object decoded = message;
        if (decoded == null && typed) {
            synchronized (this) {
                decoded = message;
                if (decoded == null) {
                    decoded = decode();
                    message = decoded;
                }
            }
        }
        return decoded;
    }

    public <T> Optional<T> message(Class<T> type) {
        Object decoded = message();
        return type.isInstance(decoded) ? Optional.of(type.cast(decoded)) : Optional.empty();
    }

    private Object decode() {
        try {
            Frame frame = FrameCodec.parse(fullRaw());
            if (frame instanceof Frame.Call call) {
                return MessageCodec.decodeRequest(action, call.payload());
            }
            if (frame instanceof Frame.CallResult result) {
                return MessageCodec.decodeResponse(action, result.payload());
            }
            return null;
        } catch (MalformedFrameException | PayloadException | RuntimeException e) {
            return null; // it was valid when recorded; a trace that is gone cannot bring it back
        }
    }

    /** The frame, parsed again from its text; null for connection events and for text that was no frame. */
    public Frame frame() {
        if (messageId == null) {
            return null;
        }
        try {
            return FrameCodec.parse(fullRaw());
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

    @Override
    public String toString() {
        return "JournalEntry[seq=" + seq + ", time=" + time + ", chargePointId=" + chargePointId + ", direction="
                + direction + ", kind=" + kind + ", messageType=" + messageType + ", messageId=" + messageId
                + ", action=" + action + ", raw=" + raw() + ", problem=" + problem + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JournalEntry that && seq == that.seq && Objects.equals(time, that.time)
                && Objects.equals(chargePointId, that.chargePointId);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq);
    }
}
