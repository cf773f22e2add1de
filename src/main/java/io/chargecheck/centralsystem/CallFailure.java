package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import java.util.Optional;

/**
 * Why a call to a station brought no usable answer. The message is written for the person
 * reading a failed test: it names the call and what happened instead of an answer.
 */
public final class CallFailure extends RuntimeException {

    public enum Reason {
        /** The station answered with a CALLERROR. */
        CALL_ERROR,
        /** No answer within the call timeout. */
        TIMEOUT,
        /** The connection closed before the answer came. */
        DISCONNECTED,
        /** The answer broke the OCPP 1.6 schema of the response. */
        INVALID_RESPONSE
    }

    private final Reason reason;
    private final Action action;
    private final transient Frame.CallError callError;

    CallFailure(Reason reason, Action action, String message, Frame.CallError callError) {
        super(message, null, false, false);
        this.reason = reason;
        this.action = action;
        this.callError = callError;
    }

    public Reason reason() {
        return reason;
    }

    public Action action() {
        return action;
    }

    public Optional<Frame.CallError> callError() {
        return Optional.ofNullable(callError);
    }

    /** Unwraps the failure of a future, whatever wrapping CompletableFuture put around it. */
    public static Optional<CallFailure> of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof CallFailure failure) {
                return Optional.of(failure);
            }
        }
        return Optional.empty();
    }
}
