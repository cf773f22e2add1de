package io.chargecheck.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.ocpp.message.Request;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one-pass reading of a station's CALL ({@link TypedCall}, {@link PayloadReader}) against the
 * thorough way ({@link FrameCodec#parse}, {@link MessageCodec#decodeRequest},
 * {@link PayloadValidator#nonPrintableCiStrings}): whatever it reads, the thorough way accepts
 * without a word and reads into an equal request; what chargers usually send, it does read.
 */
class TypedCallTest {

    private static final Path SCHEMAS = Path.of(System.getProperty("chargecheck.schemas", "../shared/ocpp16-schemas"));
    private static final String NOW = "2026-12-01T22:44:30.123Z";

    /** Calls as chargers and the load generators send them. */
    static Stream<String> usualCalls() {
        return Stream.of(
                "[2,\"17\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"" + NOW + "\",\"sampledValue\":["
                        + "{\"value\":\"12345.6\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
                        + "{\"value\":\"230.1\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1\",\"unit\":\"V\"},"
                        + "{\"value\":\"16.0\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1-N\",\"unit\":\"A\"},"
                        + "{\"value\":\"50.0\",\"measurand\":\"Frequency\",\"unit\":\"Hertz\",\"location\":\"Outlet\",\"format\":\"Raw\"}]}]}]",
                "[2,\"a-1\",\"MeterValues\",{\"connectorId\":2,\"transactionId\":4711,\"meterValue\":[{\"timestamp\":\"2026-12-01T22:44:30Z\","
                        + "\"sampledValue\":[{\"value\":\"1\"}]},{\"timestamp\":\"2026-12-01T22:44:31.5Z\",\"sampledValue\":[{\"value\":\"2\"}]}]}]",
                "[2,\"1\",\"Heartbeat\",{}]",
                "[2,\"b\",\"BootNotification\",{\"chargePointVendor\":\"PerfVendor\",\"chargePointModel\":\"PerfModel\","
                        + "\"chargePointSerialNumber\":\"SN-1\",\"firmwareVersion\":\"1.0.0\",\"iccid\":\"89310000000001\"}]",
                "[2,\"c\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Charging\",\"timestamp\":\"" + NOW
                        + "\",\"info\":\"all fine\",\"vendorId\":\"ACME\",\"vendorErrorCode\":\"0\"}]",
                "[2,\"d\",\"Authorize\",{\"idTag\":\"04A2B3C4D5E6F7\"}]",
                "[2,\"e\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG\",\"meterStart\":0,\"reservationId\":3,\"timestamp\":\"" + NOW + "\"}]",
                "[2,\"f\",\"StopTransaction\",{\"idTag\":\"TAG\",\"meterStop\":15342,\"timestamp\":\"" + NOW + "\",\"transactionId\":4711,"
                        + "\"reason\":\"EVDisconnected\",\"transactionData\":[{\"timestamp\":\"" + NOW + "\",\"sampledValue\":"
                        + "[{\"value\":\"15342\",\"context\":\"Transaction.End\",\"unit\":\"Wh\"}]}]}]",
                "[2,\"g\",\"DataTransfer\",{\"vendorId\":\"com.example\",\"messageId\":\"m\",\"data\":\"{\\\"x\\\":\\\"é ✓\\\"}\"}]",
                "[2,\"h\",\"FirmwareStatusNotification\",{\"status\":\"Downloaded\"}]",
                "[2,\"i\",\"DiagnosticsStatusNotification\",{\"status\":\"Uploaded\"}]",
                "[2,\"j\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-12-01T22:44:30.123456789Z\","
                        + "\"sampledValue\":[{\"value\":\"1\"}]}]}]  \n");
    }

    @ParameterizedTest
    @MethodSource("usualCalls")
    void whatChargersUsuallySendIsReadInOnePassAsTheThoroughWayReadsIt(String text) throws Exception {
        Request<?> thorough = thorough(text).orElseThrow(() -> new AssertionError("the thorough way refuses " + text));

        TypedCall fromText = TypedCall.read(text);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[utf8.length + 7];
        System.arraycopy(utf8, 0, framed, 3, utf8.length);
        TypedCall fromBytes = TypedCall.read(framed, 3, utf8.length);

        assertThat(fromText).as("read from the text").isNotNull();
        assertThat(fromText.request()).isEqualTo(thorough);
        assertThat(fromText.messageId()).isEqualTo(((Frame.Call) FrameCodec.parse(text)).messageId());
        assertThat(fromText.action().name()).isEqualTo(((Frame.Call) FrameCodec.parse(text)).action());
        assertThat(fromBytes).as("read from UTF-8 inside a larger array").isEqualTo(fromText);
    }

    /** Each is left to the thorough way: it has something to say about every one of them, or they are no station CALL. */
    @ParameterizedTest
    @ValueSource(strings = {
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\",\"idTag\":\"A\"}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":null}]",
            "[2,\"1\",\"Authorize\",{}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\",\"extra\":1}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"AAAAAAAAAAAAAAAAAAAAA\"}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"caf\u00e9\"}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"tab\\there\"}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":5}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\"}] x",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\"}][]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\"},{}]",
            "[2,\"1\",\"Authorize\",{\"idTag\":\"A\"}",
            "[2,\"1\",\"Authorize\"]",
            "[2,\"\",\"Authorize\",{\"idTag\":\"A\"}]",
            "[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]",
            "[2,\"1\",\"Reset\",{\"type\":\"Hard\"}]",
            "[2,\"1\",\"NoSuchAction\",{}]",
            "[2,\"1\",\"heartbeat\",{}]",
            "[3,\"1\",{}]",
            "[ 2,\"1\",\"Heartbeat\",{}]",
            "[2, \"1\",\"Heartbeat\",{}]",
            "\uFEFF[2,\"1\",\"Heartbeat\",{}]",
            "[2,\"1\",\"Heartbeat\",[]]",
            "[2,\"1\",\"Heartbeat\",{\"a\":{\"a\":1,\"a\":2}}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":2147483648,\"timestamp\":\"2026-12-01T22:44:30Z\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1.0,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01T22:44:30Z\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01t22:44:30z\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01T23:44:30+01:00\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-02-29T22:44:30Z\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01T22:44:60Z\"}]",
            "[2,\"1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01T22:44:30.1234567891Z\"}]",
            "[2,\"1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Occupied\"}]",
            "[2,\"1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"noerror\",\"status\":\"Available\"}]",
            "[2,\"1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]",
            "[2,\"1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2026-12-01T22:44:30Z\",\"sampledValue\":[]}]}]",
            "[2,\"1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":{\"timestamp\":\"2026-12-01T22:44:30Z\",\"sampledValue\":[{\"value\":\"1\"}]}}]",
            "[2,\"1\",\"StopTransaction\",{\"meterStop\":1,\"timestamp\":\"2026-12-01T22:44:30Z\",\"transactionId\":1,"
                    + "\"transactionData\":[{\"timestamp\":\"2026-12-01T22:44:30Z\",\"sampledValue\":[{\"value\":\"50\",\"unit\":\"Hertz\"}]}]}]"})
    void whatTheThoroughWayHasSomethingToSayAboutIsLeftToIt(String text) {
        assertThat(TypedCall.read(text)).isNull();
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        assertThat(TypedCall.read(utf8, 0, utf8.length)).isNull();
    }

    /** Random changes to the usual calls, thousands of them: whatever is still read in one pass, the thorough way reads the same. */
    @Test
    void whateverItReadsTheThoroughWayReadsTheSame() {
        Random random = new Random(20261201);
        List<String> seeds = usualCalls().toList();
        String[] insertions = {"null", "\"\"", "1", "-1", "2147483648", "1.5", "1e3", "true", "{}", "[]", "\"x\"", ",", ":",
                "\"Z\"", "\"é\"", "\"\\u0000\"", "\"2026-12-01T22:44:30Z\"", "\"connectorId\":1,", " ", "\"value\":\"1\","};
        int readInOnePass = 0;
        int checked = 0;
        for (int i = 0; i < 30_000; i++) {
            String text = mutate(seeds.get(random.nextInt(seeds.size())), random, insertions);
            TypedCall fast = TypedCall.read(text);
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            TypedCall fromBytes = TypedCall.read(utf8, 0, utf8.length);
            assertThat(fromBytes).as("bytes and text agree on %s", text).isEqualTo(fast);
            checked++;
            if (fast != null) {
                readInOnePass++;
                Optional<Request<?>> thorough = thorough(text);
                assertThat(thorough).as("the thorough way on %s", text).isPresent();
                assertThat(fast.request()).as("read from %s", text).isEqualTo(thorough.get());
            }
        }
        assertThat(readInOnePass).as("some of the %d changed calls are still valid and read in one pass", checked)
                .isBetween(checked / 20, checked - checked / 20);
    }

    /** Every payload of every message both ways that the schema generator makes: read only when valid, and as Jackson reads it. */
    @Test
    void schemaPayloadsOfEveryMessageAreReadAsTheThoroughWayReadsThem() throws Exception {
        assumeTrue(Files.isDirectory(SCHEMAS), () -> "OCPP 1.6 schemas not found at " + SCHEMAS);
        int valid = 0;
        int broken = 0;
        for (Action action : Action.values()) {
            for (boolean request : new boolean[] {true, false}) {
                Path file = SCHEMAS.resolve(action.name() + (request ? "" : "Response") + ".json");
                JsonNode schema = SchemaPayloads.inlined(OcppJson.mapper().readTree(file.toFile()));
                Class<?> type = request ? action.requestType() : action.responseType();
                for (SchemaPayloads.Valid payload : SchemaPayloads.valid(schema)) {
                    Object read = readInOnePass(payload.payload(), type);
                    Object thorough = request ? MessageCodec.decodeRequest(action, payload.payload())
                            : MessageCodec.decodeResponse(action, payload.payload());
                    if (read != null) {
                        valid++;
                        assertThat(read).as("%s %s", type.getSimpleName(), payload.name()).isEqualTo(thorough);
                    } else {
                        // the one valid form left to the thorough way: date-times with an offset
                        assertThat(payload.payload().toString()).as("%s %s", type.getSimpleName(), payload.name()).contains("+02:00");
                    }
                }
                for (SchemaPayloads.Broken payload : SchemaPayloads.broken(schema)) {
                    broken++;
                    assertThat(readInOnePass(payload.payload(), type)).as("%s %s", type.getSimpleName(), payload.name()).isNull();
                }
            }
        }
        assertThat(valid).isGreaterThan(50);
        assertThat(broken).isGreaterThan(500);
    }

    @Test
    void utcDateTimesAreTheInstantsTheValidatorAcceptsAndJacksonReads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2023, 12, 25); day.isBefore(LocalDate.of(2025, 3, 5)); day = day.plusDays(1)) {
            texts.add(day + "T23:59:59Z");
        }
        texts.addAll(List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00.1Z",
                "2000-02-29T12:00:00.12Z", "2100-02-29T12:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-04-00T00:00:00Z", "2026-04-30T24:00:00Z", "2026-04-30T23:60:00Z",
                "2026-04-30T23:00:00.Z", "2026-04-30T23:00:00,5Z", "2026-04-30 23:00:00Z", "2026-04-30T23:00:00", "+2026-04-30T23:00:00Z",
                "2026-04-30T23:00:0٣Z", "2026-04-30T23:00:00.0000000000Z"));
        for (String text : texts) {
            Instant fast = PayloadReader.utcInstant(text);
            JsonNode payload = OcppJson.mapper().createObjectNode().put("currentTime", text);
            boolean valid = PayloadValidator.validate(payload, Action.Heartbeat.responseType()).isEmpty();
            if (fast != null) {
                assertThat(valid).as("the validator on %s", text).isTrue();
                assertThat(fast).as(text).isEqualTo(OcppJson.mapper().readValue("\"" + text + "\"", Instant.class));
            } else {
                assertThat(valid && text.endsWith("Z") && text.charAt(10) == 'T').as("a valid UTC date-time left out: %s", text).isFalse();
            }
        }
    }

    private static Object readInOnePass(JsonNode payload, Class<?> type) throws Exception {
        try (JsonParser parser = OcppJson.mapper().getFactory().createParser(payload.toString())) {
            parser.nextToken();
            Object read = PayloadReader.read(parser, type);
            return read;
        } catch (PayloadReader.Unusual e) {
            return null;
        }
    }

    /** The request the thorough way reads, when it has nothing at all to say about the frame. */
    private static Optional<Request<?>> thorough(String text) {
        try {
            if (!(FrameCodec.parse(text) instanceof Frame.Call call)) {
                return Optional.empty();
            }
            Optional<Action> action = Action.fromWire(call.action()).filter(Action::isSentByChargePoint);
            if (action.isEmpty()) {
                return Optional.empty();
            }
            Request<?> request = MessageCodec.decodeRequest(action.get(), call.payload());
            return PayloadValidator.nonPrintableCiStrings(call.payload(), action.get().requestType()).isEmpty()
                    ? Optional.of(request) : Optional.empty();
        } catch (MalformedFrameException | PayloadException e) {
            return Optional.empty();
        }
    }

    private static String mutate(String text, Random random, String[] insertions) {
        StringBuilder changed = new StringBuilder(text);
        int changes = 1 + random.nextInt(2);
        for (int c = 0; c < changes && changed.length() > 1; c++) {
            int at = random.nextInt(changed.length());
            switch (random.nextInt(6)) {
                case 0 -> changed.deleteCharAt(at);
                case 1 -> changed.insert(at, insertions[random.nextInt(insertions.length)]);
                case 2 -> changed.setCharAt(at, Character.isUpperCase(changed.charAt(at))
                        ? Character.toLowerCase(changed.charAt(at)) : Character.toUpperCase(changed.charAt(at)));
                case 3 -> changed.setCharAt(at, (char) ('0' + random.nextInt(10)));
                case 4 -> {
                    // a key or a value said twice: the text between two quotes, copied after itself
                    int open = changed.indexOf("\"", at);
                    int close = open < 0 ? -1 : changed.indexOf("\"", open + 1);
                    int end = close < 0 ? -1 : changed.indexOf(",", close);
                    if (end > 0) {
                        changed.insert(end + 1, changed.substring(open, end + 1));
                    }
                }
                default -> {
                    // a valid value in a new place: the same frame with one thing left out
                    int comma = changed.indexOf(",", at);
                    int next = comma < 0 ? -1 : changed.indexOf(",", comma + 1);
                    if (next > 0) {
                        changed.delete(comma, next);
                    }
                }
            }
        }
        return changed.toString();
    }
}
