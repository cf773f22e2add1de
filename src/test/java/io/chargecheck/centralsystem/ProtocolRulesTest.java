package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames that pass the schema and still break OCPP: the answer OCPP-J gives (a CALLERROR, a close
 * 1002) or, where OCPP leaves it to the central system, the usual answer, and in both cases the
 * frame in the journal with what was wrong (its {@code problem}, which the report counts as a
 * protocol violation). A well-behaved station is served throughout.
 */
class ProtocolRulesTest {

    private static final String BOOT = "[2,\"boot\",\"BootNotification\",{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"X1\"}]";
    private static final String START_ON_1 = "[2,\"st1\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"TAG\","
            + "\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}]";

    private CentralSystem cs;
    private TestStation bad;
    private WellBehavedStation good;

    @AfterEach
    void stop() {
        if (bad != null) {
            bad.close();
        }
        if (good != null) {
            good.close();
        }
        if (cs != null) {
            cs.close();
        }
    }

    private void start(CentralSystemConfig.Builder config) throws Exception {
        cs = CentralSystem.start(config.build());
        good = WellBehavedStation.connect(cs, "GOOD", null, null);
        bad = TestStation.connect(cs.url() + "/BAD");
        bad.awaitOpen();
        cs.awaitSession("BAD", Duration.ofSeconds(5));
    }

    @Test
    void statusNotificationForConnectorMinusOneIsAPropertyConstraintViolation() throws Exception {
        start(CentralSystemConfig.builder());
        String frame = status("s1", -1);
        assertAnsweredWithCallError(frame, "s1", "PropertyConstraintViolation", "connectorId -1");
    }

    @Test
    void statusNotificationAboveNumberOfConnectorsIsAnsweredAndNoted() throws Exception {
        start(CentralSystemConfig.builder());
        CompletableFuture<GetConfigurationResponse> asked = cs.session("BAD").orElseThrow()
                .call(new GetConfigurationRequest(List.of("NumberOfConnectors")));
        JsonNode call = json(bad.next());
        bad.send("[3,\"" + call.get(1).asText() + "\",{\"configurationKey\":[{\"key\":\"NumberOfConnectors\","
                + "\"readonly\":true,\"value\":\"2\"}]}]");
        asked.get(5, TimeUnit.SECONDS);

        assertAnswered(status("s2", 2), "s2", null);
        assertAnswered(status("s3", 3), "s3", "connectorId 3, but the station reports NumberOfConnectors 2");
    }

    @Test
    void startTransactionOnConnectorZeroIsAPropertyConstraintViolation() throws Exception {
        start(CentralSystemConfig.builder());
        assertAnswered(BOOT, "boot", null);
        assertAnsweredWithCallError(START_ON_1.replace("\"connectorId\":1", "\"connectorId\":0"), "st1",
                "PropertyConstraintViolation", "StartTransaction on connector 0");
    }

    @Test
    void startTransactionBeforeAnyBootIsAnsweredAndNoted() throws Exception {
        start(CentralSystemConfig.builder());
        assertAnswered(START_ON_1, "st1", "StartTransaction before any BootNotification of this station");
    }

    @Test
    void startTransactionWhileRegistrationIsPendingIsASecurityError() throws Exception {
        start(CentralSystemConfig.builder().registrationStatus(RegistrationStatus.Pending));
        assertAnswered(BOOT, "boot", null);
        assertAnsweredWithCallError(START_ON_1, "st1", "SecurityError", "registration is Pending");
    }

    @Test
    void stopTransactionAndMeterValuesForATransactionNeverGivenAreAnsweredAndNoted() throws Exception {
        start(CentralSystemConfig.builder());
        assertAnswered(BOOT, "boot", null);
        JsonNode started = assertAnswered(START_ON_1, "st1", null);
        int given = started.get(2).get("transactionId").asInt();

        assertAnswered(stop("sp1", given + 100), "sp1", "StopTransaction for transactionId " + (given + 100)
                + ", which this central system never gave the station");
        assertAnswered(meterValues("mv1", given + 100), "mv1", "MeterValues for transactionId " + (given + 100));
        assertAnswered(meterValues("mv2", given), "mv2", null);
        assertAnswered(stop("sp2", given), "sp2", null);
    }

    @Test
    void aDuplicateKeyIsAFormationViolationAnsweredWithTheCallsId() throws Exception {
        start(CentralSystemConfig.builder());
        assertAnsweredWithCallError("[2,\"dk\",\"Authorize\",{\"idTag\":\"A\",\"idTag\":\"B\"}]", "dk",
                "FormationViolation", "duplicate key in a JSON object (field 'idTag')");
    }

    @Test
    void textOutsidePrintableAsciiInACiStringIsAnsweredAndNoted() throws Exception {
        start(CentralSystemConfig.builder());
        assertAnswered("[2,\"au\",\"Authorize\",{\"idTag\":\"CC-\u00e9\"}]", "au",
                "idTag: a CiString holds printable ASCII only; character 4 is U+00E9");
        assertAnswered("[2,\"au2\",\"Authorize\",{\"idTag\":\"CC-\\u0007\"}]", "au2", "character 4 is U+0007");
    }

    @Test
    void anUnmaskedClientFrameIsClosedWith1002() throws Exception {
        start(CentralSystemConfig.builder());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ocpp/RAW HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) in.read());
            }
            assertThat(head.toString()).startsWith("HTTP/1.1 101");
            byte[] text = "[2,\"u1\",\"Heartbeat\",{}]".getBytes(StandardCharsets.US_ASCII);
            out.write(new byte[] {(byte) 0x81, (byte) text.length}); // FIN + text, no mask bit
            out.write(text);

            int first = in.read();
            int length = in.read();
            assertThat(first).as("a close frame").isEqualTo(0x88);
            int code = (in.read() << 8) | in.read();
            assertThat(code).as("close code").isEqualTo(1002);
            assertThat(length).isGreaterThanOrEqualTo(2);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(cs.journal().of("RAW").entries())
                .anySatisfy(e -> assertThat(e.problem()).contains("a client frame that is not masked")
                        .contains("closed with 1002")));
        good.assertServed();
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode assertAnswered(String frame, String id, String problem) throws Exception {
        long mark = cs.journal().mark();
        bad.send(frame);
        JsonNode answer = json(bad.next());
        assertThat(answer.get(0).asInt()).as("a CALLRESULT to %s: %s", id, answer).isEqualTo(3);
        assertThat(answer.get(1).asText()).isEqualTo(id);
        JournalEntry in = journalledCall(mark, id);
        if (problem == null) {
            assertThat(in.problem()).as("no problem with %s", id).isNull();
        } else {
            assertThat(in.problem()).as("the problem with %s", id).contains(problem);
        }
        good.assertServed();
        return answer;
    }

    private void assertAnsweredWithCallError(String frame, String id, String code, String problem) throws Exception {
        long mark = cs.journal().mark();
        bad.send(frame);
        JsonNode answer = json(bad.next());
        assertThat(answer.get(0).asInt()).as("a CALLERROR: %s", answer).isEqualTo(4);
        assertThat(answer.get(1).asText()).isEqualTo(id);
        assertThat(answer.get(2).asText()).isEqualTo(code);
        assertThat(journalledCall(mark, id).problem()).contains(code).contains(problem);
        good.assertServed();
    }

    private JournalEntry journalledCall(long mark, String id) {
        return cs.journal().of("BAD").since(mark).stream()
                .filter(e -> e.direction() == Direction.IN && e.isFrame())
                .filter(e -> id.equals(e.messageId()) || e.problem() != null && e.problem().contains("duplicate"))
                .findFirst().orElseThrow(() -> new AssertionError("no journal entry for " + id));
    }

    private static String status(String id, int connector) {
        return "[2,\"" + id + "\",\"StatusNotification\",{\"connectorId\":" + connector
                + ",\"errorCode\":\"NoError\",\"status\":\"Available\"}]";
    }

    private static String stop(String id, int transaction) {
        return "[2,\"" + id + "\",\"StopTransaction\",{\"meterStop\":10,\"timestamp\":\"2026-01-01T01:00:00Z\","
                + "\"transactionId\":" + transaction + "}]";
    }

    private static String meterValues(String id, int transaction) {
        return "[2,\"" + id + "\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":" + transaction
                + ",\"meterValue\":[{\"timestamp\":\"2026-01-01T00:30:00Z\",\"sampledValue\":[{\"value\":\"5\"}]}]}]";
    }

    private static JsonNode json(String text) throws IOException {
        assertThat(text).as("a frame within 5 s").isNotNull();
        return OcppJson.mapper().readTree(text);
    }
}
