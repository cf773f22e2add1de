package io.chargecheck.ocpp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.chargecheck.ocpp.message.Request;
import java.io.IOException;
import java.util.Objects;

/**
 * A station's CALL read and typed in one pass: what most frames a central system receives are. It
 * is read with a streaming parser, the payload straight into its record ({@link PayloadReader}),
 * where the thorough way builds a JSON tree of the frame, walks it to validate, walks it again to
 * bind and once more for the CiStrings.
 *
 * <p>{@link #read} gives a call only when the thorough way ({@link FrameCodec#parse}, then
 * {@link MessageCodec#decodeRequest} and {@link PayloadValidator#nonPrintableCiStrings}) would
 * find nothing at all to say about the frame, and the same request; for anything else (a frame that
 * is no CALL, an unknown action or one only a central system sends, any violation, anything
 * unusual) it gives null, and the caller reads the frame the thorough way, which gives every answer
 * OCPP-J prescribes in its words.
 */
public record TypedCall(String messageId, Action action, Request<?> request) {

    private static final JsonFactory JSON = OcppJson.mapper().getFactory();

    public TypedCall {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(request, "request");
    }

    /** The CALL in this text, or null: then read it with {@link FrameCodec#parse}. */
    public static TypedCall read(String text) {
        // Only frames that begin as calls usually do; "[ 2 ," and the like are left to the thorough way.
        if (!text.startsWith("[2,\"")) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(text)) {
            return read(parser);
        } catch (IOException | PayloadReader.Unusual | RuntimeException e) {
            // RuntimeException too: whatever surprises the shortcut, the thorough way has the answer
            return null;
        }
    }

    /**
     * The CALL in this UTF-8 text, or null. The text must be valid UTF-8 (a WebSocket library checks
     * a text frame's). It must begin {@code [2,"}, so that the parser cannot take it for UTF-16 or
     * UTF-32, as it may guess for bytes that begin with zeros.
     */
    public static TypedCall read(byte[] utf8, int offset, int length) {
        if (length < 4 || utf8[offset] != '[' || utf8[offset + 1] != '2' || utf8[offset + 2] != ',' || utf8[offset + 3] != '"') {
            return null;
        }
        try (JsonParser parser = JSON.createParser(utf8, offset, length)) {
            return read(parser);
        } catch (IOException | PayloadReader.Unusual | RuntimeException e) {
            // RuntimeException too: whatever surprises the shortcut, the thorough way has the answer
            return null;
        }
    }

    private static TypedCall read(JsonParser parser) throws IOException, PayloadReader.Unusual {
        if (parser.nextToken() != JsonToken.START_ARRAY
                || parser.nextToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() != Frame.CALL_TYPE_ID
                || parser.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String messageId = parser.getText();
        if (messageId.isEmpty() || messageId.length() > Frame.MAX_MESSAGE_ID_LENGTH || parser.nextToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        Action action = Action.fromWire(parser.getText()).orElse(null);
        if (action == null || !action.isSentByChargePoint() || parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Request<?> request = (Request<?>) PayloadReader.read(parser, action.requestType());
        // one JSON value and nothing after it, as FrameCodec reads a frame
        if (parser.nextToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
            return null;
        }
        return new TypedCall(messageId, action, request);
    }
}
