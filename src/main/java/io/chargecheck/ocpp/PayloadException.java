package io.chargecheck.ocpp;

import java.util.List;

/** A payload that breaks the OCPP 1.6 rules. The first violation decides the CALLERROR code. */
public final class PayloadException extends Exception {

    private final List<Violation> violations;

    public PayloadException(String action, List<Violation> violations) {
        super(action + ": " + violations.get(0).describe(), null, false, false);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    public ErrorCode code() {
        return violations.get(0).code();
    }
}
