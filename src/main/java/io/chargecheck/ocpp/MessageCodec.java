package io.chargecheck.ocpp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.util.List;

/**
 * Turns payloads into typed messages and back. Decoding validates first, so a bad payload is
 * reported as the violation OCPP names, never as a Jackson error.
 */
public final class MessageCodec {

    private static final ObjectMapper JSON = OcppJson.mapper();

    private MessageCodec() {
    }

    public static Request<?> decodeRequest(Action action, JsonNode payload) throws PayloadException {
        return decode(action, payload, action.requestType());
    }

    public static Response decodeResponse(Action action, JsonNode payload) throws PayloadException {
        return decode(action, payload, action.responseType());
    }

    public static JsonNode encode(Object message) {
        return JSON.valueToTree(message);
    }

    private static <T> T decode(Action action, JsonNode payload, Class<T> type) throws PayloadException {
        List<Violation> violations = PayloadValidator.validate(payload, type);
        if (!violations.isEmpty()) {
            throw new PayloadException(action.name(), violations);
        }
        try {
            return JSON.treeToValue(payload, type);
        } catch (JsonProcessingException e) {
            // Validation passed, so this is a gap between the validator and the model: our fault.
            throw new PayloadException(action.name(), List.of(new Violation(ErrorCode.InternalError, "",
                    "valid payload could not be read: " + e.getOriginalMessage())));
        }
    }
}
