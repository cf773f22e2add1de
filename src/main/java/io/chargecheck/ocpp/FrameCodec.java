package io.chargecheck.ocpp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Reads and writes OCPP-J frames (OCPP-J 1.6, section 4). Pure: no I/O, no state. */
public final class FrameCodec {

    private static final ObjectMapper JSON = OcppJson.mapper();
    /** One WebSocket text frame is one JSON value: "[...] junk" or "[...]]" is not JSON, though Jackson stops reading early. */
    private static final ObjectReader LENIENT = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /**
     * A JSON object with the same key twice has no one meaning (RFC 8259 section 4: names SHOULD be
     * unique; parsers differ on which value wins), so OCPP-J cannot be read from it.
     */
    private static final ObjectReader READER = LENIENT.with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private FrameCodec() {
    }

    public static Frame parse(String text) throws MalformedFrameException {
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            if (why != null && why.startsWith("Duplicate field")) {
                throw duplicateKey(text, why);
            }
            throw new MalformedFrameException(ErrorCode.FormationViolation, null, "not JSON: " + why);
        }
        if (root == null || !root.isArray()) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, null,
                    "not a JSON array: an OCPP-J frame is [messageTypeId, messageId, ...]");
        }
        ArrayNode array = (ArrayNode) root;
        JsonNode type = array.get(0);
        // canConvertToInt: 4294967298 must not wrap round to 2 and pass as a CALL.
        Integer typeId = type != null && type.isIntegralNumber() && type.canConvertToInt() ? type.intValue() : null;
        String messageId = readMessageId(array, typeId);
        if (typeId == null) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId,
                    "messageTypeId must be the number 2, 3 or 4");
        }
        return switch (typeId) {
            case Frame.CALL_TYPE_ID -> call(array, messageId);
            case Frame.CALLRESULT_TYPE_ID -> callResult(array, messageId);
            case Frame.CALLERROR_TYPE_ID -> callError(array, messageId);
            default -> throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, typeId,
                    "unknown messageTypeId " + typeId + " (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR)");
        };
    }

    /** A frame with a duplicate key: read once more without the check, for the id the answer needs. */
    private static MalformedFrameException duplicateKey(String text, String why) {
        String messageId = null;
        Integer typeId = null;
        try {
            JsonNode lenient = LENIENT.readTree(text);
            if (lenient != null && lenient.isArray()) {
                JsonNode type = lenient.get(0);
                typeId = type != null && type.isIntegralNumber() && type.canConvertToInt() ? type.intValue() : null;
                JsonNode id = lenient.get(1);
                messageId = id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : null;
            }
        } catch (JsonProcessingException e) {
            // nothing more to read from it
        }
        return new MalformedFrameException(ErrorCode.FormationViolation, messageId, typeId,
                "duplicate key in a JSON object (" + why.replace("Duplicate field", "field") + "); OCPP-J needs each key once");
    }

    /**
     * {@code [3, messageId, payload]} with the payload serialized straight from its object: the same
     * text as {@link #write} of a CallResult, without building its JSON tree first (the answer to
     * every station call goes this way).
     */
    public static String writeCallResult(String messageId, Object payload) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.getFactory().createGenerator(text)) {
            json.writeStartArray();
            json.writeNumber(Frame.CALLRESULT_TYPE_ID);
            json.writeString(messageId);
            JSON.writeValue(json, payload);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a CALLRESULT", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    public static String write(Frame frame) {
        ArrayNode array = JSON.createArrayNode();
        // Java 17 has no pattern switch (preview until 21), hence instanceof over the sealed type.
        if (frame instanceof Frame.Call call) {
            array.add(2).add(call.messageId()).add(call.action()).add(call.payload());
        } else if (frame instanceof Frame.CallResult result) {
            array.add(3).add(result.messageId()).add(result.payload());
        } else if (frame instanceof Frame.CallError error) {
            array.add(4).add(error.messageId()).add(error.code().name()).add(error.description()).add(error.details());
        }
        return array.toString();
    }

    private static String readMessageId(ArrayNode array, Integer typeId) throws MalformedFrameException {
        JsonNode id = array.get(1);
        if (id == null || !id.isTextual()) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, null, typeId, "messageId must be a string");
        }
        String messageId = id.textValue();
        if (messageId.isEmpty() || messageId.length() > Frame.MAX_MESSAGE_ID_LENGTH) {
            // A long id is still readable, and the station can match the CALLERROR to its call only by
            // it; an empty one is no id at all.
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId.isEmpty() ? null : messageId, typeId,
                    "messageId must be 1 to " + Frame.MAX_MESSAGE_ID_LENGTH + " characters, was " + messageId.length());
        }
        return messageId;
    }

    private static Frame call(ArrayNode array, String messageId) throws MalformedFrameException {
        expectSize(array, 4, messageId, Frame.CALL_TYPE_ID, "a CALL is [2, messageId, action, payload]");
        JsonNode action = array.get(2);
        if (!action.isTextual() || action.textValue().isEmpty()) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, Frame.CALL_TYPE_ID,
                    "action must be a non-empty string");
        }
        JsonNode payload = array.get(3);
        if (!payload.isObject()) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, Frame.CALL_TYPE_ID,
                    "payload must be a JSON object");
        }
        return new Frame.Call(messageId, action.textValue(), payload);
    }

    private static Frame callResult(ArrayNode array, String messageId) throws MalformedFrameException {
        expectSize(array, 3, messageId, Frame.CALLRESULT_TYPE_ID, "a CALLRESULT is [3, messageId, payload]");
        JsonNode payload = array.get(2);
        if (!payload.isObject()) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, Frame.CALLRESULT_TYPE_ID,
                    "payload must be a JSON object");
        }
        return new Frame.CallResult(messageId, payload);
    }

    private static Frame callError(ArrayNode array, String messageId) throws MalformedFrameException {
        if (array.size() < 4 || array.size() > 5) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, Frame.CALLERROR_TYPE_ID,
                    "a CALLERROR is [4, messageId, errorCode, errorDescription, errorDetails]");
        }
        JsonNode codeNode = array.get(2);
        ErrorCode code = ErrorCode.fromWire(codeNode.asText()).orElseThrow(() -> new MalformedFrameException(
                ErrorCode.FormationViolation, messageId, Frame.CALLERROR_TYPE_ID, "unknown errorCode '" + codeNode.asText() + "'"));
        // Some chargers send errorDetails as a JSON string, or leave it out: keep what came.
        JsonNode details = array.size() == 5 ? array.get(4) : null;
        return new Frame.CallError(messageId, code, array.get(3).asText(""), details);
    }

    private static void expectSize(ArrayNode array, int size, String messageId, int typeId, String shape)
            throws MalformedFrameException {
        if (array.size() != size) {
            throw new MalformedFrameException(ErrorCode.FormationViolation, messageId, typeId,
                    shape + ", got " + array.size() + " elements");
        }
    }
}
