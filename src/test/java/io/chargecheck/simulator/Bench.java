package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.centralsystem.CallFailure;
import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.filetransfer.FileServer;
import io.chargecheck.filetransfer.FileServerConfig;
import io.chargecheck.filetransfer.Protocol;
import java.net.URI;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.AuthorizeResponse;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageRequest;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * What a simulator test stands on: the embedded central system over a real socket, an FTP server
 * when asked for, and the simulators of the test, all closed together. Closing also checks every
 * frame the simulators sent against the OCPP 1.6 schemas ({@link FrameConformance}).
 */
final class Bench implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(10);

    final CentralSystem cs;
    private final List<ChargePointSimulator> simulators = new ArrayList<>();
    private FileServer ftp;

    private Bench(CentralSystem cs) {
        this.cs = cs;
    }

    static Bench start() {
        return start(cs -> cs);
    }

    /** A bench whose central system is configured beyond the defaults (heartbeat 300 s, everything accepted). */
    static Bench start(UnaryOperator<CentralSystemConfig.Builder> centralSystem) {
        return new Bench(CentralSystem.start(centralSystem.apply(CentralSystemConfig.builder()
                .idTags(io.chargecheck.centralsystem.IdTagPolicy.accepting("GOOD-1", "GOOD-2"))).build()));
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(10));
    }

    /** A simulator configuration pointing at this bench, with the suite's fast timings. */
    SimulatorConfig.Builder config(String chargePointId) {
        return SimulatorConfig.builder().centralSystemUrl(cs.url()).chargePointId(chargePointId);
    }

    /** Starts the simulator and waits until it booted and reported every connector, or at least tried to. */
    ChargePointSimulator boot(SimulatorConfig.Builder config) {
        ChargePointSimulator simulator = add(new ChargePointSimulator(config.build()));
        long mark = mark();
        simulator.start();
        int connectors = simulator.connectorCount();
        boolean zero = !simulator.quirks().contains(Quirk.NO_CONNECTOR_ZERO_STATUS)
                && !simulator.variants().contains(Variant.NO_CONNECTOR_ZERO_AT_BOOT);
        await().until(() -> sent(simulator.chargePointId(), StatusNotificationRequest.class, mark).size()
                >= connectors + (zero ? 1 : 0));
        return simulator;
    }

    ChargePointSimulator add(ChargePointSimulator simulator) {
        simulators.add(simulator);
        return simulator;
    }

    /** The suite's file server, as the simulator's tests use it: one place for every simulated station of the bench. */
    Files ftp() {
        if (ftp == null) {
            ftp = FileServer.start(FileServerConfig.builder().build());
        }
        return new Files(ftp);
    }

    /** The file server's files of the bench (the server keeps each station's apart; here they are all the bench's). */
    record Files(FileServer server) {
        private static final String BENCH = "bench";

        URI serve(String fileName, byte[] content) {
            return server.serve(BENCH, fileName, content);
        }

        URI uploadLocation() {
            return server.uploadLocation(BENCH);
        }

        java.util.List<String> uploadedFileNames() {
            return server.uploadedFileNames(BENCH);
        }

        java.util.Optional<byte[]> uploaded(String fileName) {
            return server.uploaded(BENCH, fileName);
        }

        int port() {
            return server.port(Protocol.FTP);
        }
    }

    long mark() {
        return cs.journal().mark();
    }

    /** Calls the station and waits for its answer. */
    <R extends Response> R call(String chargePointId, Request<R> request) {
        try {
            return cs.awaitSession(chargePointId, WAIT).call(request).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw CallFailure.of(e).map(RuntimeException.class::cast).orElseGet(() -> new IllegalStateException(e));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CALLs of the station since the mark. */
    List<JournalEntry> calls(String chargePointId, long since) {
        return cs.journal().since(since).stream()
                .filter(entry -> chargePointId.equals(entry.chargePointId()) && entry.isFrame()
                        && entry.direction() == JournalEntry.Direction.IN && entry.frame() instanceof Frame.Call)
                .toList();
    }

    /** The typed requests of one kind the station sent since the mark, in order. */
    <T> List<T> sent(String chargePointId, Class<T> type, long since) {
        return calls(chargePointId, since).stream().flatMap(entry -> entry.message(type).stream()).toList();
    }

    /** Waits for the first request of that kind since the mark that matches. */
    <T> T awaitSent(String chargePointId, Class<T> type, long since, Predicate<T> matching) {
        return await().until(() -> sent(chargePointId, type, since).stream().filter(matching).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    <T> T awaitSent(String chargePointId, Class<T> type, long since) {
        return awaitSent(chargePointId, type, since, message -> true);
    }

    List<io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus> firmwareStatuses(String chargePointId, long since) {
        return sent(chargePointId, io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest.class, since)
                .stream().map(io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest::status).toList();
    }

    List<io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus> diagnosticsStatuses(String chargePointId, long since) {
        return sent(chargePointId, io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest.class, since)
                .stream().map(io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest::status).toList();
    }

    /**
     * The station's calls since the mark, in words: "Authorize", "StatusNotification 1 Preparing",
     * so that a sequence reads like the specification.
     */
    List<String> trail(String chargePointId, long since) {
        return calls(chargePointId, since).stream().map(Bench::describe).toList();
    }

    /** Waits until the station has sent as many calls as expected since the mark, then checks they are exactly those. */
    void awaitTrail(String chargePointId, long since, String... expected) {
        await().until(() -> trail(chargePointId, since).size() >= expected.length);
        assertThat(trail(chargePointId, since)).containsExactly(expected);
    }

    private static String describe(JournalEntry entry) {
        if (entry.message() instanceof StatusNotificationRequest status) {
            return "StatusNotification " + status.connectorId() + " " + status.status();
        }
        return entry.action() == null ? ((Frame.Call) entry.frame()).action() : entry.action().name();
    }

    /**
     * Waits until everything the station was set off to send before now has been sent: a triggered
     * Heartbeat queues behind it (one call at a time, in order), so once it has come, nothing
     * earlier is still on its way. For asserting that something did NOT happen.
     */
    void barrier(String chargePointId) {
        long mark = mark();
        assertThat(call(chargePointId, new TriggerMessageRequest(MessageTrigger.Heartbeat, null)).status())
                .isEqualTo(TriggerMessageStatus.Accepted);
        awaitSent(chargePointId, io.chargecheck.ocpp.message.Core.HeartbeatRequest.class, mark);
    }

    /**
     * The central system answers for {@code members} (Authorize and StartTransaction) Accepted with
     * parentIdTag {@code group}; other cards as before.
     */
    void group(String group, String... members) {
        java.util.Set<String> inGroup = java.util.Set.of(members);
        java.util.concurrent.atomic.AtomicInteger ids = new java.util.concurrent.atomic.AtomicInteger(1000);
        var policy = cs.config().idTags();
        java.util.function.Function<String, IdTagInfo> info = idTag -> inGroup.contains(idTag)
                ? new IdTagInfo(null, group, AuthorizationStatus.Accepted) : policy.infoOf(idTag);
        cs.responders().on(AuthorizeRequest.class, (id, authorize) -> new AuthorizeResponse(info.apply(authorize.idTag())));
        cs.responders().on(StartTransactionRequest.class, (id, start) ->
                new StartTransactionResponse(info.apply(start.idTag()), ids.incrementAndGet()));
    }

    /** Waits for a MeterValues since the mark whose first reading has this context. */
    List<MeterValuesRequest> meterValues(String chargePointId, long since, ReadingContext context) {
        return sent(chargePointId, MeterValuesRequest.class, since).stream()
                .filter(m -> m.meterValue().get(0).sampledValue().get(0).context() == context).toList();
    }

    /** ChangeConfiguration, answered. */
    io.chargecheck.ocpp.message.Core.ConfigurationStatus change(String chargePointId, String key, String value) {
        return call(chargePointId, new io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest(key, value)).status();
    }

    /** A transaction at connector 1 for GOOD-1, started with the cable first and the card, once it has its id. */
    static void charging(ChargePointSimulator station) {
        station.plugIn(1);
        station.presentCard(1, "GOOD-1");
        await().until(() -> station.transactionId(1).isPresent());
    }

    /** The condition holds, and keeps holding for a while past the timers that could break it. */
    static void nothingFor(Duration timers, java.util.concurrent.Callable<Boolean> condition) {
        // Awaitility's during(..).atMost(..) times out when its polls run late on a loaded machine,
        // though the condition held throughout: wait for the time or a break, then judge the condition
        long end = System.nanoTime() + timers.toNanos();
        Awaitility.await().atMost(timers.plusSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> !condition.call() || System.nanoTime() - end >= 0);
        try {
            assertThat(condition.call()).as("the condition still holds after " + timers.toMillis() + " ms").isTrue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    boolean hasCall(String chargePointId, Action action, long since) {
        return calls(chargePointId, since).stream().anyMatch(entry -> entry.action() == action);
    }

    @Override
    public void close() {
        try {
            simulators.forEach(ChargePointSimulator::close);
            assertThat(FrameConformance.problems(cs.journal().entries()))
                    .as("frames the simulator sent that break OCPP 1.6").isEmpty();
        } finally {
            cs.close();
            if (ftp != null) {
                ftp.close();
            }
        }
    }
}
