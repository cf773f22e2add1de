package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.centralsystem.CallFailure.Reason;
import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.ClearCacheResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheStatus;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetResponse;
import io.chargecheck.ocpp.message.Core.ResetType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A station that does everything wrong, and a well-behaved one connected alongside. For every kind
 * of misbehaviour: the answer OCPP-J prescribes (a CALLERROR, silence, or a WebSocket close code),
 * the frame in the journal and the trace with what was wrong, the misbehaving session going on
 * where OCPP-J allows it, and the other station served all the same.
 *
 * <p>Decisions these tests pin down:
 * <ul>
 * <li>Without a readable message id a CALLERROR carries "-1" (OCPP 2.0.1's convention; 1.6 has
 *     none). An id of more than 36 characters breaks OCPP-J, but it is readable, and it is the only
 *     thing the station can match the CALLERROR to its call by, so the CALLERROR carries it.
 * <li>A CALL that reuses a message id is answered like any other (the central system cannot tell it
 *     from a new call and OCPP-J has no CALLERROR for it), and its journal entry names the reuse as a
 *     protocol problem, because OCPP-J wants every CALL id of a sender new on its connection.
 * <li>CALLRESULTs and CALLERRORs are never answered, broken or not; a message type number other than
 *     2, 3 and 4 is ignored (OCPP-J 4.1.3). Both are journalled with the problem.
 * <li>A binary frame gets a FormationViolation CALLERROR and the session goes on (OCPP-J uses text
 *     frames only; closing would punish a charger for a frame the central system can just refuse).
 * <li>A connection that never speaks stays open: OCPP-J requires nothing of a station in any time,
 *     and the certification reports the missing BootNotification itself. Java-WebSocket's
 *     connection-lost check (60 s) pings it; a peer whose WebSocket stack never answers a ping is
 *     dropped after 90 to 120 s with 1006. A TCP connection that never even completes its WebSocket
 *     handshake is closed at the handshake timeout (10 s; see ConnectionHardeningTest).
 * </ul>
 */
class AdversarialClientTest {

    private static final String ID_36 = "123456789012345678901234567890123456";

    @TempDir
    Path temp;

    private CentralSystem cs;
    private TestStation good;
    private TestStation bad;
    private final List<AutoCloseable> others = new ArrayList<>();
    private int heartbeats;

    @BeforeEach
    void start() throws Exception {
        cs = CentralSystem.start(CentralSystemConfig.builder().traceFile(temp.resolve("trace.jsonl")).build());
        good = connect("GOOD");
        bad = connect("BAD");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable other : others) {
            other.close();
        }
        cs.close();
    }

    // ------------------------------------------------------------------ answered with a CALLERROR

    static Stream<Arguments> answeredWithCallError() {
        return Stream.of(
                arguments("text that is not JSON", "this is not json", "FormationViolation", "-1", "not JSON"),
                arguments("JSON that is not an array", "{\"messageTypeId\":2}", "FormationViolation", "-1",
                        "not a JSON array"),
                arguments("an empty array", "[]", "FormationViolation", "-1", "messageId must be a string"),
                arguments("messageTypeId the string \"2\"", "[\"2\",\"t2\",\"Heartbeat\",{}]", "FormationViolation",
                        "t2", "messageTypeId must be the number 2, 3 or 4"),
                // The id slot holds the action, so that is what can be read; the station correlates
                // nothing with it, and the description names the shape a CALL must have.
                arguments("a CALL without id", "[2,\"Heartbeat\",{}]", "FormationViolation", "Heartbeat",
                        "a CALL is [2, messageId, action, payload], got 3 elements"),
                arguments("a CALL with id null", "[2,null,\"Heartbeat\",{}]", "FormationViolation", "-1",
                        "messageId must be a string"),
                arguments("a CALL with an empty id", "[2,\"\",\"Heartbeat\",{}]", "FormationViolation", "-1",
                        "messageId must be 1 to 36 characters, was 0"),
                arguments("an id of 37 characters", "[2,\"" + ID_36 + "7\",\"Heartbeat\",{}]", "FormationViolation",
                        ID_36 + "7", "messageId must be 1 to 36 characters, was 37"),
                arguments("an id of 300 characters", "[2,\"" + "x".repeat(300) + "\",\"Heartbeat\",{}]",
                        "FormationViolation", "x".repeat(300), "messageId must be 1 to 36 characters, was 300"),
                arguments("a field of the wrong type", "[2,\"p1\",\"StatusNotification\",{\"connectorId\":\"1\","
                        + "\"errorCode\":\"NoError\",\"status\":\"Available\"}]", "TypeConstraintViolation", "p1",
                        "connectorId: must be an integer"),
                arguments("a required field missing", "[2,\"p2\",\"BootNotification\",{\"chargePointVendor\":\"ACME\"}]",
                        "OccurenceConstraintViolation", "p2", "chargePointModel: required field is missing"),
                arguments("a field the message does not have", "[2,\"p3\",\"Heartbeat\",{\"extra\":1}]",
                        "FormationViolation", "p3", "extra"),
                arguments("a value outside its enum", "[2,\"p4\",\"StatusNotification\",{\"connectorId\":1,"
                        + "\"errorCode\":\"NoError\",\"status\":\"Occupied\"}]", "PropertyConstraintViolation", "p4",
                        "status"),
                arguments("an unknown action", "[2,\"u1\",\"FlyToTheMoon\",{}]", "NotImplemented", "u1",
                        "unknown action 'FlyToTheMoon'"),
                arguments("an action in the wrong case", "[2,\"u2\",\"heartbeat\",{}]", "NotImplemented", "u2",
                        "unknown action 'heartbeat'"),
                arguments("Reset, which only a central system sends", "[2,\"r1\",\"Reset\",{\"type\":\"Hard\"}]",
                        "NotSupported", "r1", "Reset is sent by a central system, not by a charge point"),
                arguments("RemoteStartTransaction from the station", "[2,\"r2\",\"RemoteStartTransaction\","
                        + "{\"idTag\":\"TAG\"}]", "NotSupported", "r2", "RemoteStartTransaction is sent by a central system"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answeredWithCallError")
    void answersWithTheCallErrorOcppJPrescribes(String what, String frame, String code, String id, String problem)
            throws Exception {
        bad.send(frame);

        JsonNode error = json(next(bad));
        assertThat(error.get(0).asInt()).as("a CALLERROR").isEqualTo(4);
        assertThat(error.get(1).asText()).as("message id").isEqualTo(id);
        assertThat(error.get(2).asText()).as("error code").isEqualTo(code);
        assertThat(error.get(3).asText()).as("description").isNotBlank();
        assertRecorded(frame, problem);
        assertThat(journalled(Direction.OUT, e -> true)).as("the CALLERROR is journalled too")
                .anySatisfy(out -> assertThat(out.messageId()).isEqualTo(id));
        assertServed(bad);
        assertServed(good);
    }

    @Test
    void acceptsAnIdOfExactly36Characters() throws Exception {
        bad.send("[2,\"" + ID_36 + "\",\"Heartbeat\",{}]");

        JsonNode result = json(next(bad));
        assertThat(result.get(0).asInt()).isEqualTo(3);
        assertThat(result.get(1).asText()).isEqualTo(ID_36);
    }

    @Test
    void answersABinaryFrameWithFormationViolationAndGoesOn() throws Exception {
        bad.send(new byte[] {2, 0, 1, 2});

        JsonNode error = json(next(bad));
        assertThat(error.get(0).asInt()).isEqualTo(4);
        assertThat(error.get(1).asText()).isEqualTo("-1");
        assertThat(error.get(2).asText()).isEqualTo("FormationViolation");
        assertRecorded("<binary frame>", "binary frame; OCPP-J uses text frames only");
        assertServed(bad);
        assertServed(good);
    }

    // ------------------------------------------------------------------ not answered at all

    static Stream<Arguments> notAnswered() {
        return Stream.of(
                arguments("messageTypeId 0", "[0,\"z0\",\"Heartbeat\",{}]",
                        "unknown messageTypeId 0 (2 = CALL, 3 = CALLRESULT, 4 = CALLERROR); ignored without an answer"),
                arguments("messageTypeId 5", "[5,\"z5\",{}]", "unknown messageTypeId 5"),
                arguments("messageTypeId 6 without a usable id", "[6,17]", "messageId must be a string; ignored"),
                arguments("a CALLRESULT for an unknown id", "[3,\"nobody-1\",{}]",
                        "answer to message id 'nobody-1', which no call of ours has"),
                arguments("a CALLERROR for an unknown id", "[4,\"nobody-2\",\"GenericError\",\"oops\",{}]",
                        "answer to message id 'nobody-2', which no call of ours has"),
                arguments("a CALLERROR with an unknown code", "[4,\"nobody-3\",\"SomethingBroke\",\"\",{}]",
                        "unknown errorCode 'SomethingBroke' (answer to message id 'nobody-3', which no call of ours has);"
                                + " not answered, as OCPP-J answers CALLs only"),
                arguments("a CALLRESULT whose payload is no object", "[3,\"nobody-4\",42]",
                        "payload must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notAnswered")
    void doesNotAnswerWhatIsNoCall(String what, String frame, String problem) throws Exception {
        bad.send(frame);

        // Frames of one connection are handled in order: if the next frame answers the heartbeat
        // sent after this one, this one got no answer.
        assertServed(bad);
        assertRecorded(frame, problem);
        assertServed(good);
    }

    @Test
    void answersBothCallsOfADuplicateIdAndJournalsTheReuse() throws Exception {
        String call = "[2,\"dup-1\",\"Heartbeat\",{}]";
        bad.send(call);
        bad.send(call);

        for (int i = 0; i < 2; i++) {
            JsonNode result = json(next(bad));
            assertThat(result.get(0).asInt()).isEqualTo(3);
            assertThat(result.get(1).asText()).isEqualTo("dup-1");
        }
        List<JournalEntry> calls = journalled(Direction.IN, e -> "dup-1".equals(messageIdOf(e)));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).problem()).as("the first use").isNull();
        assertThat(calls.get(1).problem()).as("the second use")
                .contains("message id 'dup-1' was already used by an earlier CALL");
        assertThat(traceLines()).filteredOn(line -> line.path("messageId").asText().equals("dup-1")
                        && line.path("direction").asText().equals("in"))
                .extracting(line -> line.path("problem").asText(null))
                .containsExactly(null, calls.get(1).problem());
        assertServed(good);
    }

    // ------------------------------------------------------------------ answers to our calls

    @Test
    void reportsAnAnswerThatComesAfterItsCallTimedOutAndGoesOn() throws Exception {
        StationSession session = cs.session("BAD").orElseThrow();
        CompletableFuture<ResetResponse> reset = session.call(new ResetRequest(ResetType.Soft), Duration.ofMillis(200));
        String id = json(next(bad)).get(1).asText();

        assertThat(failure(reset, Duration.ofSeconds(5)).reason()).isEqualTo(Reason.TIMEOUT);
        String late = "[3,\"" + id + "\",{\"status\":\"Accepted\"}]";
        bad.send(late);

        assertServed(bad);
        assertRecorded(late, "answer to Reset arrived after the call had timed out");
        CompletableFuture<ClearCacheResponse> clear = session.call(new ClearCacheRequest());
        JsonNode next = json(next(bad));
        assertThat(next.get(2).asText()).as("our next call goes out").isEqualTo("ClearCache");
        bad.send("[3,\"" + next.get(1).asText() + "\",{\"status\":\"Accepted\"}]");
        assertThat(clear.get(5, TimeUnit.SECONDS).status()).isEqualTo(ClearCacheStatus.Accepted);
        assertServed(good);
    }

    @Test
    void failsOurCallAtOnceWhenItsAnswerIsMalformedAndDoesNotAnswerIt() throws Exception {
        StationSession session = cs.session("BAD").orElseThrow();
        CompletableFuture<ResetResponse> reset = session.call(new ResetRequest(ResetType.Soft), Duration.ofSeconds(60));
        String id = json(next(bad)).get(1).asText();
        String broken = "[3,\"" + id + "\",42]";
        bad.send(broken);

        CallFailure failure = failure(reset, Duration.ofSeconds(5));
        assertThat(failure.reason()).isEqualTo(Reason.INVALID_RESPONSE);
        assertThat(failure).hasMessage("BAD answered Reset with a frame that is not OCPP-J: payload must be a JSON object");
        assertServed(bad);
        assertRecorded(broken, "FormationViolation: payload must be a JSON object; not answered, as OCPP-J answers CALLs only");
        assertServed(good);
    }

    @Test
    void failsOurCallsPromptlyWhenTheStationDisconnectsInTheMiddle() throws Exception {
        StationSession session = cs.session("BAD").orElseThrow();
        CompletableFuture<ResetResponse> inFlight = session.call(new ResetRequest(ResetType.Hard), Duration.ofMinutes(5));
        CompletableFuture<ClearCacheResponse> queued = session.call(new ClearCacheRequest(), Duration.ofMinutes(5));
        assertThat(json(next(bad)).get(2).asText()).isEqualTo("Reset");

        bad.closeConnection(CloseFrame.ABNORMAL_CLOSE, "cable pulled"); // TCP closed, no close handshake

        // "promptly": seconds at most, where the calls' own timeout is five minutes
        assertThat(failure(inFlight, Duration.ofSeconds(5)).reason()).isEqualTo(Reason.DISCONNECTED);
        assertThat(failure(queued, Duration.ofSeconds(5)).reason()).isEqualTo(Reason.DISCONNECTED);
        assertThat(failure(session.call(new ClearCacheRequest()), Duration.ofSeconds(1)))
                .hasMessage("BAD is not connected; ClearCache was not sent");
        assertServed(good);
    }

    // ------------------------------------------------------------------ closed by WebSocket

    @Test
    void takesAFrameOfExactlyTheLimitAndClosesWith1009OnALargerOne() throws Exception {
        int limit = cs.config().maxFrameBytes();
        assertThat(limit).as("the default limit").isEqualTo(1024 * 1024);
        bad.send(dataTransferOfSize("at-limit", limit));
        assertThat(json(next(bad)).get(1).asText()).as("a frame of exactly the limit is answered").isEqualTo("at-limit");

        bad.send(dataTransferOfSize("over-limit", limit + 1));

        assertThat(bad.closed.get(10, TimeUnit.SECONDS)).startsWith(CloseFrame.TOOBIG + " ");
        assertThat(traceLines()).as("the trace says why").anySatisfy(line -> assertThat(line.path("problem").asText())
                .contains("frame larger than the central system's limit of 1048576 bytes (maxFrameBytes)")
                .contains("closed with 1009"));
        assertDisconnectJournalled("BAD");
        assertServed(good);
        assertServed(connect("BAD"));
    }

    @Test
    void closesWith1007OnTextThatIsNotUtf8() throws Exception {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(new byte[] {'[', '2', ',', '"', (byte) 0xC3, (byte) 0x28, '"', ']'}));
        bad.sendFrame(frame);

        assertThat(bad.closed.get(10, TimeUnit.SECONDS)).startsWith(CloseFrame.NO_UTF8 + " ");
        assertThat(traceLines()).as("the trace says why").anySatisfy(line -> assertThat(line.path("problem").asText())
                .contains("text frame with invalid UTF-8").contains("closed with 1007"));
        assertDisconnectJournalled("BAD");
        assertServed(good);
        assertServed(connect("BAD"));
    }

    @Test
    void closesWith1002OnAFrameThatBreaksRfc6455() throws Exception {
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap("[2,\"x\",\"Heartbeat\",{}]".getBytes(StandardCharsets.UTF_8)));
        frame.setRSV1(true); // an extension bit, and no extension was negotiated
        bad.sendFrame(frame);

        assertThat(bad.closed.get(10, TimeUnit.SECONDS)).startsWith(CloseFrame.PROTOCOL_ERROR + " ");
        assertThat(traceLines()).as("the trace says why").anySatisfy(line -> assertThat(line.path("problem").asText())
                .contains("WebSocket protocol error").contains("closed with 1002"));
        assertServed(good);
    }

    // ------------------------------------------------------------------ load and silence

    @Test
    void answersABurstOf10000CallsAllInOrder() throws Exception {
        int count = 10_000;
        String[] actions = {
                "\"Heartbeat\",{}",
                "\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Charging\"}",
                "\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2025-01-01T00:00:00Z\","
                        + "\"sampledValue\":[{\"value\":\"1234\"}]}]}",
                "\"Authorize\",{\"idTag\":\"TAG-1\"}"};
        for (int i = 0; i < count; i++) {
            bad.send("[2,\"burst-" + i + "\"," + actions[i % actions.length] + "]");
        }

        List<String> answers = new ArrayList<>();
        await("all " + count + " answers").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    bad.received.drainTo(answers);
                    return answers.size() >= count;
                });
        assertThat(answers).hasSize(count);
        for (int i = 0; i < count; i++) {
            JsonNode answer = json(answers.get(i));
            assertThat(answer.get(0).asInt()).as("answer %d is a CALLRESULT: %s", i, answers.get(i)).isEqualTo(3);
            assertThat(answer.get(1).asText()).as("answer %d in order", i).isEqualTo("burst-" + i);
        }
        assertThat(journalled(Direction.OUT, e -> "CALLRESULT".equals(e.messageType()) && "BAD".equals(e.chargePointId())))
                .hasSize(count);
        assertServed(bad);
        assertServed(good);
    }

    @Test
    void aConnectionThatNeverSpeaksStaysAndHarmsNoOne() throws Exception {
        Socket mute = new Socket();
        others.add(mute);
        mute.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000); // TCP only, no handshake
        Socket silent = webSocketHandshake("SILENT"); // a WebSocket that never sends a frame, nor a pong
        others.add(silent);
        await().atMost(Duration.ofSeconds(5)).until(() -> cs.session("SILENT").isPresent());

        assertServed(good);
        TestStation newcomer = connect("NEWCOMER");
        newcomer.send("[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"X1\"}]");
        assertThat(json(next(newcomer)).get(1).asText()).isEqualTo("b1");
        assertThat(cs.session("SILENT")).as("the silent station stays connected").isPresent();
        assertThat(journalled(Direction.IN, e -> "SILENT".equals(e.chargePointId()))).as("nothing from it")
                .singleElement().extracting(JournalEntry::kind).isEqualTo(Kind.CONNECTED);
    }

    // ------------------------------------------------------------------ helpers

    private TestStation connect(String chargePointId) throws Exception {
        TestStation station = TestStation.connect(cs.url() + "/" + chargePointId);
        station.awaitOpen();
        others.add(station::close);
        cs.awaitSession(chargePointId, Duration.ofSeconds(5)); // the client can see the open before the server's session exists
        return station;
    }

    /** Sends a Heartbeat and expects the very next frame to answer it. */
    private void assertServed(TestStation station) throws Exception {
        String id = "hb-" + ++heartbeats;
        station.send("[2,\"" + id + "\",\"Heartbeat\",{}]");
        String next = next(station);
        assertThat(next).as("the next frame answers our Heartbeat").startsWith("[3,\"" + id + "\",{\"currentTime\":");
    }

    private static String next(TestStation station) throws InterruptedException {
        String frame = station.next();
        assertThat(frame).as("a frame from the central system within 5 s").isNotNull();
        return frame;
    }

    /** The frame is in the journal and in the trace, with a problem that says what was wrong. */
    private void assertRecorded(String raw, String problem) {
        assertThat(journalled(Direction.IN, e -> raw.equals(e.raw()))).as("journal entry of %s", raw)
                .singleElement().satisfies(entry -> assertThat(entry.problem()).contains(problem));
        assertThat(traceLines()).as("trace line of %s", raw)
                .filteredOn(line -> line.path("raw").asText().equals(raw) && line.path("direction").asText().equals("in"))
                .singleElement().satisfies(line -> assertThat(line.path("problem").asText()).contains(problem));
    }

    private void assertDisconnectJournalled(String chargePointId) {
        await().atMost(Duration.ofSeconds(5)).until(() -> cs.journal().entries().stream()
                .anyMatch(e -> e.kind() == Kind.DISCONNECTED && chargePointId.equals(e.chargePointId())));
    }

    private List<JournalEntry> journalled(Direction direction, Predicate<JournalEntry> filter) {
        return cs.journal().entries().stream().filter(e -> e.direction() == direction).filter(filter).toList();
    }

    private static String messageIdOf(JournalEntry entry) {
        return entry.frame() == null ? null : entry.frame().messageId();
    }

    private List<JsonNode> traceLines() {
        try {
            List<JsonNode> lines = new ArrayList<>();
            cs.flushTrace(); // the trace is written by a thread of its own
            for (String line : Files.readAllLines(temp.resolve("trace.jsonl"))) {
                lines.add(json(line));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the call failed; fails the test if it did not fail within the time. */
    private static CallFailure failure(CompletableFuture<?> call, Duration within) throws InterruptedException {
        try {
            Object result = call.get(within.toMillis(), TimeUnit.MILLISECONDS);
            throw new AssertionError("expected the call to fail, it completed with " + result);
        } catch (ExecutionException e) {
            return CallFailure.of(e).orElseThrow(() -> new AssertionError("expected a CallFailure", e));
        } catch (TimeoutException e) {
            throw new AssertionError("expected the call to fail within " + within.toMillis() + " ms", e);
        }
    }

    private static String dataTransferOfSize(String id, int bytes) {
        String head = "[2,\"" + id + "\",\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"";
        String tail = "\"}]";
        return head + "x".repeat(bytes - head.length() - tail.length()) + tail;
    }

    /** A raw WebSocket opening handshake with subprotocol ocpp1.6; returns the socket once the 101 came. */
    private Socket webSocketHandshake(String chargePointId) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
        socket.setSoTimeout(5000);
        RawUpgrade.perform(socket.getOutputStream(), socket.getInputStream(), "/ocpp/" + chargePointId, "");
        return socket;
    }

    private static JsonNode json(String text) {
        try {
            return OcppJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
