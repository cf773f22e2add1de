package io.chargecheck.ocpp;

/**
 * One way a payload breaks the OCPP 1.6 rules: the CALLERROR code OCPP prescribes for it, the field
 * (a JSON path such as {@code meterValue[0].sampledValue[2].measurand}, empty for the payload
 * itself) and what is wrong, in words a tester understands.
 */
public record Violation(ErrorCode code, String field, String problem) {

    public String describe() {
        return field.isEmpty() ? problem : field + ": " + problem;
    }

    @Override
    public String toString() {
        return code + " " + describe();
    }
}
