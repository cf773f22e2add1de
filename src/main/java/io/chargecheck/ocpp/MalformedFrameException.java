package io.chargecheck.ocpp;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A text that is not a valid OCPP-J frame. Carries what an answer needs: the CALLERROR code, the
 * message id when one could be read (without it, OCPP-J gives nothing to answer to), and the
 * message type id when one could be read, because only a CALL may be answered at all: a broken
 * CALLRESULT or CALLERROR is never answered, and an unknown type is ignored (OCPP-J 4.1.3).
 */
public final class MalformedFrameException extends Exception {

    private final ErrorCode code;
    private final String messageId;
    private final Integer messageTypeId;

    public MalformedFrameException(ErrorCode code, String messageId, String reason) {
        this(code, messageId, null, reason);
    }

    public MalformedFrameException(ErrorCode code, String messageId, Integer messageTypeId, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.messageId = messageId;
        this.messageTypeId = messageTypeId;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }

    /** The number in the message type position, when it is one; empty when it is not a number at all. */
    public OptionalInt messageTypeId() {
        return messageTypeId == null ? OptionalInt.empty() : OptionalInt.of(messageTypeId);
    }
}
