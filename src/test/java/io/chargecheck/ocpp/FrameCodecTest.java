package io.chargecheck.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FrameCodecTest {

    private static final String ID_36 = "0123456789abcdef0123456789abcdef0123";

    // ---- round trips ----

    @Test
    void callRoundTrip() throws Exception {
        Frame call = new Frame.Call("19223201", "BootNotification",
                json("{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}"));

        String text = FrameCodec.write(call);

        assertThat(text).isEqualTo("[2,\"19223201\",\"BootNotification\","
                + "{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}]");
        assertThat(FrameCodec.parse(text)).isEqualTo(call);
    }

    @Test
    void callResultRoundTrip() throws Exception {
        Frame result = new Frame.CallResult("19223201",
                json("{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:00Z\",\"interval\":300}"));

        String text = FrameCodec.write(result);

        assertThat(text).isEqualTo("[3,\"19223201\",{\"status\":\"Accepted\",\"currentTime\":\"2026-11-23T12:00:00Z\",\"interval\":300}]");
        assertThat(FrameCodec.parse(text)).isEqualTo(result);
    }

    @Test
    void callErrorRoundTrip() throws Exception {
        Frame error = new Frame.CallError("162376037", ErrorCode.OccurenceConstraintViolation,
                "idTag: required field is missing", json("{\"field\":\"idTag\"}"));

        String text = FrameCodec.write(error);

        assertThat(text).isEqualTo(
                "[4,\"162376037\",\"OccurenceConstraintViolation\",\"idTag: required field is missing\",{\"field\":\"idTag\"}]");
        assertThat(FrameCodec.parse(text)).isEqualTo(error);
    }

    @Test
    void readsTheSpecificationsExampleWithItsWhitespace() throws Exception {
        Frame frame = FrameCodec.parse("[2,\n \"19223201\",\n \"BootNotification\",\n"
                + " {\"chargePointVendor\": \"VendorX\", \"chargePointModel\": \"SingleSocketCharger\"}\n]");

        assertThat(frame).isEqualTo(new Frame.Call("19223201", "BootNotification",
                json("{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}")));
    }

    @Test
    void aMessageIdOfExactly36CharactersIsAccepted() throws Exception {
        assertThat(FrameCodec.parse("[3,\"" + ID_36 + "\",{}]").messageId()).isEqualTo(ID_36);
    }

    @Test
    void anActionWeDoNotKnowStillParses() throws Exception {
        // Answering it with NotImplemented needs its message id, so rejecting it is not the codec's job.
        assertThat(FrameCodec.parse("[2,\"7\",\"DoSomethingNew\",{}]"))
                .isEqualTo(new Frame.Call("7", "DoSomethingNew", json("{}")));
    }

    // ---- CALLERROR as peers send it ----

    @ParameterizedTest(name = "{0} is read as {1}")
    @CsvSource({
            "FormationViolation, FormationViolation",
            "FormatViolation, FormationViolation",
            "OccurenceConstraintViolation, OccurenceConstraintViolation",
            "OccurrenceConstraintViolation, OccurenceConstraintViolation",
            "NotImplemented, NotImplemented",
            "GenericError, GenericError"})
    void callErrorCodesInBothSpellings(String onTheWire, ErrorCode expected) throws Exception {
        Frame frame = FrameCodec.parse("[4,\"1\",\"" + onTheWire + "\",\"\",{}]");

        assertThat(((Frame.CallError) frame).code()).isEqualTo(expected);
    }

    @Test
    void callErrorIsWrittenInTheSpecificationsSpelling() {
        String text = FrameCodec.write(new Frame.CallError("1", ErrorCode.FormationViolation, "bad"));

        assertThat(text).isEqualTo("[4,\"1\",\"FormationViolation\",\"bad\",{}]");
    }

    @Test
    void callErrorDetailsSentAsAStringAreKept() throws Exception {
        Frame.CallError error = (Frame.CallError) FrameCodec.parse("[4,\"1\",\"InternalError\",\"boom\",\"stack trace\"]");

        assertThat(error.details()).isEqualTo(TextNode.valueOf("stack trace"));
    }

    @Test
    void callErrorWithoutDetailsGetsAnEmptyObject() throws Exception {
        Frame.CallError error = (Frame.CallError) FrameCodec.parse("[4,\"1\",\"InternalError\",\"boom\"]");

        assertThat(error.details()).isEqualTo(json("{}"));
        assertThat(error.description()).isEqualTo("boom");
    }

    // ---- malformed input ----

    static Stream<Arguments> malformed() {
        return Stream.of(
                // no message id to answer to
                arguments("not JSON", "[2, \"1\", \"Heartbeat\"", null),
                arguments("trailing content after the frame", "[2,\"1\",\"Heartbeat\",{}] trailing", null),
                arguments("a second closing bracket", "[2,\"1\",\"Heartbeat\",{}]]", null),
                arguments("empty text", "", null),
                arguments("an object, not an array", "{\"messageTypeId\":2}", null),
                arguments("a string, not an array", "\"Heartbeat\"", null),
                arguments("null", "null", null),
                arguments("an empty array", "[]", null),
                arguments("message id missing", "[2]", null),
                arguments("message id a number", "[2,19223201,\"Heartbeat\",{}]", null),
                arguments("message id null", "[2,null,\"Heartbeat\",{}]", null),
                arguments("message id empty", "[2,\"\",\"Heartbeat\",{}]", null),
                // too long, but readable: the CALLERROR can carry it, so the station can match it to its call
                arguments("message id of 37 characters", "[2,\"" + ID_36 + "4\",\"Heartbeat\",{}]", ID_36 + "4"),
                // the message id could be read, so the answer can name it
                arguments("message type id 5", "[5,\"1\",\"Heartbeat\",{}]", "1"),
                arguments("message type id a string", "[\"2\",\"1\",\"Heartbeat\",{}]", "1"),
                arguments("message type id 2.0", "[2.0,\"1\",\"Heartbeat\",{}]", "1"),
                arguments("message type id beyond int, 2 modulo 2^32", "[4294967298,\"1\",\"Heartbeat\",{}]", "1"),
                arguments("CALL of 3 elements", "[2,\"1\",\"Heartbeat\"]", "1"),
                arguments("CALL of 5 elements", "[2,\"1\",\"Heartbeat\",{},{}]", "1"),
                arguments("CALL with a number as action", "[2,\"1\",9,{}]", "1"),
                arguments("CALL with an empty action", "[2,\"1\",\"\",{}]", "1"),
                arguments("CALL with an array payload", "[2,\"1\",\"Heartbeat\",[]]", "1"),
                arguments("CALL with a string payload", "[2,\"1\",\"Heartbeat\",\"{}\"]", "1"),
                arguments("CALL with a null payload", "[2,\"1\",\"Heartbeat\",null]", "1"),
                arguments("CALLRESULT of 2 elements", "[3,\"1\"]", "1"),
                arguments("CALLRESULT of 4 elements", "[3,\"1\",{},{}]", "1"),
                arguments("CALLRESULT with a number payload", "[3,\"1\",42]", "1"),
                arguments("CALLERROR of 3 elements", "[4,\"1\",\"GenericError\"]", "1"),
                arguments("CALLERROR of 6 elements", "[4,\"1\",\"GenericError\",\"\",{},{}]", "1"),
                arguments("CALLERROR with an unknown code", "[4,\"1\",\"SomethingBroke\",\"\",{}]", "1"),
                arguments("CALLERROR with a code in the wrong case", "[4,\"1\",\"genericerror\",\"\",{}]", "1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedFrameIsAFormationViolation(String why, String text, String recoveredId) {
        MalformedFrameException e = catchThrowableOfType(MalformedFrameException.class, () -> FrameCodec.parse(text));

        assertThat(e).as("parsing %s", text).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.FormationViolation);
        assertThat(e.messageId()).as("message id recovered").isEqualTo(Optional.ofNullable(recoveredId));
        assertThat(e.getMessage()).as("a reason a tester can read").isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[2,\"1\",\"Heartbeat\"]          | 2",
            "[2,null,\"Heartbeat\",{}]          | 2",
            "[3,\"1\",42]                       | 3",
            "[4,\"1\",\"SomethingBroke\",\"\",{}] | 4",
            "[5,\"1\",{}]                       | 5",
            "[0]                                  | 0",
            "[\"2\",\"1\",\"Heartbeat\",{}] | ",
            "[2.0,\"1\",\"Heartbeat\",{}]     | ",
            "{\"messageTypeId\":2}              | "})
    void malformedFrameTellsTheMessageTypeIdItCouldRead(String text, Integer typeId) {
        MalformedFrameException e = catchThrowableOfType(MalformedFrameException.class, () -> FrameCodec.parse(text));

        assertThat(e.messageTypeId().isPresent()).as("a type id read from %s", text).isEqualTo(typeId != null);
        if (typeId != null) {
            assertThat(e.messageTypeId().getAsInt()).isEqualTo(typeId);
        }
    }

    private static JsonNode json(String text) throws JsonProcessingException {
        return OcppJson.mapper().readTree(text);
    }

    @Test
    void writesACallResultStraightFromItsPayloadAsItWouldFromItsTree() {
        Object[] payloads = {
                new io.chargecheck.ocpp.message.Core.HeartbeatResponse(java.time.Instant.parse("2026-01-01T10:00:00.123Z")),
                new io.chargecheck.ocpp.message.Core.MeterValuesResponse(),
                new io.chargecheck.ocpp.message.Core.StartTransactionResponse(new io.chargecheck.ocpp.message.Core.IdTagInfo(
                        io.chargecheck.ocpp.message.Core.AuthorizationStatus.Accepted), 42)};
        for (Object payload : payloads) {
            for (String id : new String[] {"1", "id with \"quotes\" and \u0007"}) {
                assertThat(FrameCodec.writeCallResult(id, payload))
                        .isEqualTo(FrameCodec.write(new Frame.CallResult(id, MessageCodec.encode(payload))));
            }
        }
    }
}
