package io.chargecheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;

/** One line of the central system's OCPP trace. */
sealed interface TraceEntry {

    long seq();

    Instant time();

    String station();

    /** A frame on the wire, in either direction, well-formed or not. */
    record Frame(long seq, Instant time, String station, Direction direction, MessageType messageType,
                 String messageId, String action, String raw, String problem) implements TraceEntry {

        private static final ObjectMapper JSON = new ObjectMapper();

        boolean isCall(String callAction) {
            return messageType == MessageType.CALL && callAction.equals(action);
        }

        boolean brokeProtocol() {
            return problem != null && !problem.isBlank();
        }

        /**
         * The payload object of a CALL or CALLRESULT, or for a CALLERROR the whole frame; missing
         * where the frame is not the JSON array it claims to be.
         */
        JsonNode payload() {
            JsonNode frame = parsedRaw();
            return switch (messageType) {
                case CALL -> frame.path(3);
                case CALLRESULT -> frame.path(2);
                case CALLERROR -> frame;
                case MALFORMED -> MissingNode.getInstance();
            };
        }

        private JsonNode parsedRaw() {
            if (raw == null) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }
    }

    /** The charge point's WebSocket connection opened or closed. */
    record ConnectionChange(long seq, Instant time, String station, boolean connected) implements TraceEntry {
    }

    /** A connection the central system turned away, and why (a wrong id, a wrong password, too many connections). */
    record Refusal(long seq, Instant time, String station, String reason) implements TraceEntry {
    }

    enum Direction {
        /** charge point to central system */
        IN,
        /** central system to charge point */
        OUT
    }

    enum MessageType {
        CALL, CALLRESULT, CALLERROR, MALFORMED
    }
}
