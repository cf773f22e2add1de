package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetResponse;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ClearCacheRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentralSystemTest {

    private static final String BOOT = "[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"ACME\",\"chargePointModel\":\"X1\"}]";

    @TempDir
    Path temp;

    private CentralSystem cs;
    private TestStation station;

    @AfterEach
    void stop() {
        if (station != null) {
            station.close();
        }
        if (cs != null) {
            cs.close();
        }
    }

    private CentralSystem start(CentralSystemConfig.Builder config) {
        cs = CentralSystem.start(config.traceFile(temp.resolve("trace.jsonl")).build());
        return cs;
    }

    /** Connected on both sides: the client can see its connection open before the server has made the session. */
    private TestStation connect(String id) throws Exception {
        station = TestStation.connect(cs.url() + "/" + id);
        station.awaitOpen();
        cs.awaitSession(id, Duration.ofSeconds(5));
        return station;
    }

    private static JsonNode json(String text) throws Exception {
        return OcppJson.mapper().readTree(text);
    }

    @Test
    void answersBootNotificationAndJournalsBothFrames() throws Exception {
        start(CentralSystemConfig.builder().heartbeatInterval(7));
        connect("CP-1").send(BOOT);

        JsonNode answer = json(station.next());
        assertThat(answer.get(0).asInt()).isEqualTo(3);
        assertThat(answer.get(1).asText()).isEqualTo("b1");
        assertThat(answer.get(2).get("status").asText()).isEqualTo("Accepted");
        assertThat(answer.get(2).get("interval").asInt()).isEqualTo(7);
        assertThat(answer.get(2).get("currentTime").asText()).endsWith("Z");

        List<JournalEntry> frames = cs.journal().entries().stream().filter(JournalEntry::isFrame).toList();
        assertThat(frames).extracting(JournalEntry::messageType).containsExactly("CALL", "CALLRESULT");
        assertThat(frames).extracting(JournalEntry::action).containsOnly(Action.BootNotification);
        assertThat(cs.journal().entries().get(0).kind()).isEqualTo(Kind.CONNECTED);
    }

    /**
     * A case that sees a station's call in the journal and then sets how the next one is answered
     * (TC_001_CS: the first boot after a power cycle Rejected) must not change the answer to the
     * call it saw: the answer is chosen before the call is journalled. The self-test met it with a
     * BootNotification that had been asked for with TriggerMessage, answered Rejected in its place.
     */
    @Test
    void choosesItsAnswerBeforeTheCallIsInTheJournal() throws Exception {
        start(CentralSystemConfig.builder());
        CompletableFuture<Boolean> journalledWhenAnswered = new CompletableFuture<>();
        cs.responders().onFor("CP-1", BootNotificationRequest.class, (id, boot) -> {
            journalledWhenAnswered.complete(cs.journal().entries().stream().anyMatch(e -> e.action() == Action.BootNotification));
            return new BootNotificationResponse(RegistrationStatus.Accepted, java.time.Instant.now(), 30);
        });
        connect("CP-1").send(BOOT);
        station.next();

        assertThat(journalledWhenAnswered.get(5, TimeUnit.SECONDS)).as("the boot in the journal when it was answered").isFalse();
    }

    @Test
    void writesEveryEntryToTheTraceAsOneJsonLine() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1").send(BOOT);
        station.next();

        cs.flushTrace();
        List<String> lines = Files.readAllLines(temp.resolve("trace.jsonl"));
        assertThat(lines).hasSize(cs.journal().size());
        JsonNode call = json(lines.get(1));
        assertThat(call.get("station").asText()).isEqualTo("CP-1");
        assertThat(call.get("direction").asText()).isEqualTo("in");
        assertThat(call.get("kind").asText()).isEqualTo("frame");
        assertThat(call.get("messageType").asText()).isEqualTo("CALL");
        assertThat(call.get("action").asText()).isEqualTo("BootNotification");
        assertThat(call.get("raw").asText()).isEqualTo(BOOT);
        assertThat(json(lines.get(2)).get("direction").asText()).isEqualTo("out");
    }

    @Test
    void refusesAClientThatOffersNoSubprotocol() throws Exception {
        start(CentralSystemConfig.builder());
        station = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("")), null, null);

        assertThat(station.closed.get(5, TimeUnit.SECONDS)).isNotEmpty();
        assertThat(refusals()).singleElement().asString().contains("offered no WebSocket subprotocol");
    }

    @Test
    void refusesAClientThatOffersAnotherSubprotocol() throws Exception {
        start(CentralSystemConfig.builder());
        station = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("ocpp2.0.1")), null, null);

        station.closed.get(5, TimeUnit.SECONDS);
        assertThat(refusals()).singleElement().asString().contains("offered subprotocol 'ocpp2.0.1'");
    }

    @Test
    void refusesAnUnknownPath() throws Exception {
        start(CentralSystemConfig.builder());
        station = TestStation.connect(cs.url().replace("/ocpp", "/steve") + "/CP-1");

        station.closed.get(5, TimeUnit.SECONDS);
        assertThat(refusals()).singleElement().asString().contains("is not /ocpp/{chargePointId}");
    }

    @Test
    void acceptsTheRightBasicCredentialsAndAnswersWrongOnesWith401() throws Exception {
        start(CentralSystemConfig.builder().securityProfile(SecurityProfile.BASIC).authorizationKey("s3cret"));

        TestStation good = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("ocpp1.6")), "CP-1:s3cret", null);
        assertThat(good.awaitOpen()).isEqualTo("open");
        good.close();

        station = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("ocpp1.6")), "CP-1:wrong", null);
        assertThat(station.closed.get(5, TimeUnit.SECONDS)).contains("401");
        assertThat(refusals()).singleElement().asString().contains("password is wrong");
    }

    @Test
    void answersTextThatIsNotJsonWithFormationViolationAndKeepsServing() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1").send("this is not json");

        JsonNode error = json(station.next());
        assertThat(error.get(0).asInt()).isEqualTo(4);
        assertThat(error.get(1).asText()).isEqualTo("-1");
        assertThat(error.get(2).asText()).isEqualTo("FormationViolation");
        assertThat(problems()).singleElement().asString().startsWith("FormationViolation: not JSON");

        station.send(BOOT);
        assertThat(json(station.next()).get(0).asInt()).isEqualTo(3);
    }

    @Test
    void answersAnUnknownActionWithNotImplemented() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1").send("[2,\"u1\",\"FlyToTheMoon\",{}]");

        JsonNode error = json(station.next());
        assertThat(error.get(1).asText()).isEqualTo("u1");
        assertThat(error.get(2).asText()).isEqualTo("NotImplemented");
    }

    @Test
    void answersAPayloadThatBreaksTheSchemaWithTheMatchingCode() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1").send("[2,\"s1\",\"StatusNotification\",{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"}]");

        JsonNode error = json(station.next());
        assertThat(error.get(2).asText()).isEqualTo("TypeConstraintViolation");
        assertThat(error.get(3).asText()).contains("connectorId");
        assertThat(problems()).singleElement().asString().contains("connectorId: must be an integer");
    }

    @Test
    void givesATypedAnswerToOurCall() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1");
        CompletableFuture<ResetResponse> reset = cs.session("CP-1").orElseThrow().call(new ResetRequest(ResetType.Soft));

        JsonNode call = json(station.next());
        assertThat(call.get(2).asText()).isEqualTo("Reset");
        assertThat(call.get(3).get("type").asText()).isEqualTo("Soft");
        station.send("[3,\"" + call.get(1).asText() + "\",{\"status\":\"Accepted\"}]");

        assertThat(reset.get(5, TimeUnit.SECONDS).status()).isEqualTo(ResetStatus.Accepted);
    }

    @Test
    void sendsOneCallAtATimeAndAnswersTheStationMeanwhile() throws Exception {
        start(CentralSystemConfig.builder());
        connect("CP-1");
        StationSession session = cs.session("CP-1").orElseThrow();
        CompletableFuture<ResetResponse> first = session.call(new ResetRequest(ResetType.Soft));
        var second = session.call(new ClearCacheRequest());

        JsonNode firstCall = json(station.next());
        station.send(BOOT);
        assertThat(json(station.next()).get(1).asText()).as("the station's call is answered while ours waits").isEqualTo("b1");
        assertThat(station.received).as("no second call before the first is answered").isEmpty();

        station.send("[3,\"" + firstCall.get(1).asText() + "\",{\"status\":\"Accepted\"}]");
        JsonNode secondCall = json(station.next());
        assertThat(secondCall.get(2).asText()).isEqualTo("ClearCache");
        station.send("[3,\"" + secondCall.get(1).asText() + "\",{\"status\":\"Accepted\"}]");

        assertThat(first.get(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(second.get(5, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void failsACallThatIsNotAnsweredInTimeAndReportsTheLateAnswer() throws Exception {
        start(CentralSystemConfig.builder().callTimeout(Duration.ofMillis(300)));
        connect("CP-1");
        CompletableFuture<ResetResponse> reset = cs.session("CP-1").orElseThrow().call(new ResetRequest(ResetType.Hard));
        String id = json(station.next()).get(1).asText();

        assertThatThrownBy(() -> reset.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(CallFailure.class)
                .hasMessage("CP-1 did not answer Reset within 0.3 s");

        station.send("[3,\"" + id + "\",{\"status\":\"Accepted\"}]");
        await().atMost(Duration.ofSeconds(5)).until(() -> !problems().isEmpty());
        assertThat(problems()).singleElement().asString().isEqualTo("answer to Reset arrived after the call had timed out");
    }

    @Test
    void failsAPendingCallAtOnceWhenTheStationDisconnects() throws Exception {
        start(CentralSystemConfig.builder().callTimeout(Duration.ofSeconds(60)));
        connect("CP-1");
        CompletableFuture<ResetResponse> reset = cs.session("CP-1").orElseThrow().call(new ResetRequest(ResetType.Hard));
        station.next();
        station.closeConnection(1006, "cable pulled");

        assertThatThrownBy(() -> reset.get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(CallFailure.class)
                .hasMessageContaining("CP-1 disconnected")
                .hasMessageContaining("before answering Reset");
    }

    @Test
    void aReconnectReplacesTheOldSession() throws Exception {
        start(CentralSystemConfig.builder());
        TestStation first = connect("CP-1");
        StationSession old = cs.session("CP-1").orElseThrow();

        TestStation second = TestStation.connect(cs.url() + "/CP-1");
        second.awaitOpen();

        assertThat(first.closed.get(5, TimeUnit.SECONDS)).contains("replaced");
        await().atMost(Duration.ofSeconds(5)).until(() -> cs.session("CP-1").filter(s -> s != old).isPresent());
        second.close();
    }

    @Test
    void goesOfflineOnPurposeAndComesBack() throws Exception {
        start(CentralSystemConfig.builder());
        TestStation first = connect("CP-1");

        cs.goOffline("CP-1", Duration.ofMinutes(1));
        assertThat(first.closed.get(5, TimeUnit.SECONDS)).contains("going offline");
        TestStation refused = TestStation.connect(cs.url() + "/CP-1");
        refused.closed.get(5, TimeUnit.SECONDS);
        assertThat(refusals()).singleElement().asString().contains("offline on purpose");

        cs.comeBackOnline("CP-1");
        assertThat(connect("CP-1").isOpen()).isTrue();
    }

    @Test
    void refusesAnotherChargePointThanTheOneUnderTest() throws Exception {
        start(CentralSystemConfig.builder().expectedChargePointIds(java.util.Set.of("CP-1")));
        station = TestStation.connect(cs.url() + "/CP-2");

        station.closed.get(5, TimeUnit.SECONDS);
        assertThat(refusals()).singleElement().asString().contains("this run certifies charge point 'CP-1'");
    }

    private List<String> refusals() {
        return cs.journal().entries().stream().filter(e -> e.kind() == Kind.REFUSED).map(JournalEntry::raw).toList();
    }

    private List<String> problems() {
        return cs.journal().entries().stream().filter(JournalEntry::hasProblem).map(JournalEntry::problem).toList();
    }
}
