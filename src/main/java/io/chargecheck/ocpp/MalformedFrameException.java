package io.chargecheck.ocpp;

import java.util.Optional;

/**
 * A text that is not a valid OCPP-J frame. Carries what an answer needs: the CALLERROR code, and
 * the message id when one could be read (without it, OCPP-J gives nothing to answer to).
 */
public final class MalformedFrameException extends Exception {

    private final ErrorCode code;
    private final String messageId;

    public MalformedFrameException(ErrorCode code, String messageId, String reason) {
        super(reason, null, false, false);
        this.code = code;
        this.messageId = messageId;
    }

    public ErrorCode code() {
        return code;
    }

    public Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}
