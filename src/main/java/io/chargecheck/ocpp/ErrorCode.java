package io.chargecheck.ocpp;

import java.util.Optional;

/** The CALLERROR codes of OCPP-J 1.6, section 4.2.3, spelled as the specification spells them on the wire. */
public enum ErrorCode {
    NotImplemented("Requested Action is not known by receiver"),
    NotSupported("Requested Action is recognized but not supported by the receiver"),
    InternalError("An internal error occurred and the receiver was not able to process the requested Action successfully"),
    ProtocolError("Payload for Action is incomplete"),
    SecurityError("During the processing of Action a security issue occurred preventing receiver from completing the Action successfully"),
    FormationViolation("Payload for Action is syntactically incorrect or not conform the PDU structure for Action"),
    PropertyConstraintViolation("Payload is syntactically correct but at least one field contains an invalid value"),
    OccurenceConstraintViolation("Payload for Action is syntactically correct but at least one of the fields violates occurence constraints"),
    TypeConstraintViolation("Payload for Action is syntactically correct but at least one of the fields violates data type constraints"),
    GenericError("Any other error not covered by the previous ones");

    private final String meaning;

    ErrorCode(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * Reads a code as peers send it. The 1.6 specification itself says FormationViolation and
     * OccurenceConstraintViolation, while OCPP 2.0 and many 1.6 stacks send FormatViolation and
     * OccurrenceConstraintViolation: both mean the same, so both are accepted.
     */
    public static Optional<ErrorCode> fromWire(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text) {
            case "FormatViolation" -> Optional.of(FormationViolation);
            case "OccurrenceConstraintViolation" -> Optional.of(OccurenceConstraintViolation);
            default -> {
                for (ErrorCode code : values()) {
                    if (code.name().equals(text)) {
                        yield Optional.of(code);
                    }
                }
                yield Optional.empty();
            }
        };
    }
}
