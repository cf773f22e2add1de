package io.chargecheck.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Objects;

/**
 * One OCPP-J message on the wire: {@code [2,id,action,payload]}, {@code [3,id,payload]} or
 * {@code [4,id,code,description,details]}. Payloads stay JSON here; typing them needs the action,
 * which a CALLRESULT does not carry, so that is {@link MessageCodec}'s job.
 */
public sealed interface Frame {

    /** OCPP-J 1.6 section 4.1.4: a message id is at most 36 characters. */
    int MAX_MESSAGE_ID_LENGTH = 36;

    /** The message type ids of OCPP-J 1.6 section 4.1.3; every other number is to be ignored. */
    int CALL_TYPE_ID = 2;
    int CALLRESULT_TYPE_ID = 3;
    int CALLERROR_TYPE_ID = 4;

    String messageId();

    record Call(String messageId, String action, JsonNode payload) implements Frame {
        public Call {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(action, "action");
            payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
        }
    }

    record CallResult(String messageId, JsonNode payload) implements Frame {
        public CallResult {
            Objects.requireNonNull(messageId, "messageId");
            payload = payload == null ? JsonNodeFactory.instance.objectNode() : payload;
        }
    }

    record CallError(String messageId, ErrorCode code, String description, JsonNode details) implements Frame {
        public CallError {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(code, "code");
            description = description == null ? "" : description;
            details = details == null ? JsonNodeFactory.instance.objectNode() : details;
        }

        public CallError(String messageId, ErrorCode code, String description) {
            this(messageId, code, description, null);
        }
    }
}
