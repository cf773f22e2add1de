package io.chargecheck.simulator;

import io.chargecheck.ocpp.ErrorCode;
import java.util.Optional;

/**
 * A call of the simulator that got no usable answer: a CALLERROR, an answer that breaks the
 * rules, no answer in time, or no connection to send it on. Expected conditions, so no stack trace.
 */
final class CallFailedException extends Exception {

    private final ErrorCode code;

    CallFailedException(String reason) {
        this(null, reason);
    }

    CallFailedException(ErrorCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    Optional<ErrorCode> code() {
        return Optional.ofNullable(code);
    }
}
