package io.chargecheck.bench;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MalformedFrameException;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadException;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.AuthorizeResponse;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.SampledValue;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.UnitOfMeasure;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import io.chargecheck.simulator.ChargePointSimulator.FrameListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A charge point for the soak test built straight on the wire layer ({@link FrameCodec},
 * {@link MessageCodec}) and the JDK's WebSocket client, with no thread of its own: all stations
 * share one {@link HttpClient} and one timer. It does what the soak needs of a station and nothing
 * else: boot, report its connectors, heartbeat, and run transactions (Authorize, StartTransaction,
 * MeterValues at the interval, StopTransaction) with the status changes between them, one call at a
 * time as OCPP-J wants; it accepts a ChangeConfiguration of HeartbeatInterval. Every answer of the
 * central system is decoded and so validated against OCPP 1.6.
 */
final class WireStation implements WebSocket.Listener, SoakTest.Station {

    private static final String SUBPROTOCOL = "ocpp1.6";

    private final String id;
    private final URI endpoint;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final FrameListener frames;
    private final SoakTest.Options options;
    private final Random random;
    private final AtomicInteger failures = new AtomicInteger();
    private final CompletableFuture<Void> booted = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    private final Object lock = new Object();
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<WebSocket> writing;
    private Outgoing inFlight;
    private ScheduledFuture<?> heartbeat;
    private int chargingConnectors;
    private int meterWh = 12_345;

    /** One call of ours; {@code then} gets its answer, on the thread that read it. */
    private record Outgoing(String messageId, Action action, Request<?> request, Consumer<Response> then) {
    }

    WireStation(String id, URI centralSystem, HttpClient http, ScheduledExecutorService timer, FrameListener frames,
                SoakTest.Options options, long seed) {
        this.id = id;
        this.endpoint = URI.create(centralSystem + "/" + id);
        this.http = http;
        this.timer = timer;
        this.frames = frames;
        this.options = options;
        this.random = new Random(seed);
    }

    // ------------------------------------------------------------------ what the soak asks of a station

    @Override
    public String id() {
        return id;
    }

    @Override
    public void switchOn() {
        try {
            WebSocket ws = http.newWebSocketBuilder().subprotocols(SUBPROTOCOL).connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(endpoint, this).get(60, TimeUnit.SECONDS);
            synchronized (lock) {
                socket = ws;
                writing = CompletableFuture.completedFuture(ws);
            }
            call(new BootNotificationRequest("ChargeCheck", "Soak-Wire", id, null, "1.0", null, null, null, null),
                    answer -> registered((BootNotificationResponse) answer));
            booted.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            failed("switch on", e);
        }
    }

    @Override
    public boolean booted() {
        return booted.isDone() && !booted.isCompletedExceptionally();
    }

    @Override
    public void charge(long deadline) {
        synchronized (lock) {
            chargingConnectors = options.connectors();
        }
        for (int connector = 1; connector <= options.connectors(); connector++) {
            int c = connector;
            later(random.nextInt(3000), () -> startTransaction(c, deadline));
        }
    }

    @Override
    public boolean idle() {
        synchronized (lock) {
            return chargingConnectors == 0 && inFlight == null && queue.isEmpty();
        }
    }

    @Override
    public int failures() {
        return failures.get();
    }

    @Override
    public void switchOff() {
        WebSocket ws;
        synchronized (lock) {
            ws = socket;
            cancel(heartbeat);
        }
        if (ws == null || closed.isDone()) {
            return;
        }
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "soak over").get(10, TimeUnit.SECONDS);
            closed.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            ws.abort();
        }
    }

    // ------------------------------------------------------------------ the station's program

    private void registered(BootNotificationResponse answer) {
        if (answer.status() != RegistrationStatus.Accepted) {
            booted.completeExceptionally(new IllegalStateException("registration " + answer.status()));
            return;
        }
        for (int connector = 0; connector <= options.connectors(); connector++) {
            status(connector, ChargePointStatus.Available);
        }
        startHeartbeat(answer.interval());
        booted.complete(null);
    }

    private void startTransaction(int connector, long deadline) {
        if (System.nanoTime() >= deadline) {
            connectorDone();
            return;
        }
        String card = SoakTest.card(id, connector);
        status(connector, ChargePointStatus.Preparing);
        call(new AuthorizeRequest(card), authorized -> {
            if (((AuthorizeResponse) authorized).idTagInfo().status() != AuthorizationStatus.Accepted) {
                failed("charge", new IllegalStateException(card + " not accepted"));
                connectorDone();
                return;
            }
            call(new StartTransactionRequest(connector, card, meterWh, null, now()), started -> {
                int transactionId = ((StartTransactionResponse) started).transactionId();
                status(connector, ChargePointStatus.Charging);
                long period = TimeUnit.SECONDS.toMillis(options.meterInterval());
                ScheduledFuture<?> sampling = timer.scheduleAtFixedRate(() -> call(new MeterValuesRequest(connector,
                        transactionId, List.of(sample(ReadingContext.SamplePeriodic))), ignored -> { }),
                        period, period, TimeUnit.MILLISECONDS);
                long chargeMillis = 10_000 + random.nextInt(20_000);
                long untilDeadline = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
                later(Math.min(chargeMillis, untilDeadline), () -> stopTransaction(connector, card, transactionId,
                        sampling, deadline));
            });
        });
    }

    private void stopTransaction(int connector, String card, int transactionId, ScheduledFuture<?> sampling,
                                 long deadline) {
        sampling.cancel(false);
        call(new StopTransactionRequest(card, meterWh, now(), transactionId, Reason.Local, null), stopped -> {
            status(connector, ChargePointStatus.Finishing);
            status(connector, ChargePointStatus.Available);
            if (System.nanoTime() >= deadline) {
                connectorDone();
            } else {
                later(1000 + random.nextInt(4000), () -> startTransaction(connector, deadline));
            }
        });
    }

    private MeterValue sample(ReadingContext context) {
        int wh;
        synchronized (lock) {
            meterWh += 3;
            wh = meterWh;
        }
        return new MeterValue(now(), List.of(
                new SampledValue(String.valueOf(wh), context, null, Measurand.EnergyActiveImportRegister, null, null,
                        UnitOfMeasure.Wh),
                new SampledValue("230.1", context, null, Measurand.Voltage, null, null, UnitOfMeasure.V),
                new SampledValue("16.0", context, null, Measurand.CurrentImport, null, null, UnitOfMeasure.A),
                new SampledValue("11040", context, null, Measurand.PowerActiveImport, null, null, UnitOfMeasure.W)));
    }

    private void status(int connector, ChargePointStatus status) {
        call(new StatusNotificationRequest(connector, ChargePointErrorCode.NoError, null, status, now(), null, null),
                ignored -> { });
    }

    private void startHeartbeat(int seconds) {
        synchronized (lock) {
            cancel(heartbeat);
            heartbeat = seconds <= 0 ? null : timer.scheduleAtFixedRate(() -> call(new HeartbeatRequest(), ignored -> { }),
                    seconds, seconds, TimeUnit.SECONDS);
        }
    }

    private void connectorDone() {
        synchronized (lock) {
            chargingConnectors--;
        }
    }

    // ------------------------------------------------------------------ OCPP-J: one call at a time

    private void call(Request<?> request, Consumer<Response> then) {
        synchronized (lock) {
            queue.add(new Outgoing(UUID.randomUUID().toString(), Action.of(request), request, then));
            pumpLocked();
        }
    }

    private void pumpLocked() {
        if (inFlight != null || queue.isEmpty() || socket == null) {
            return;
        }
        inFlight = queue.poll();
        writeLocked(FrameCodec.write(new Frame.Call(inFlight.messageId(), inFlight.action().name(),
                MessageCodec.encode(inFlight.request()))));
    }

    /** The JDK's WebSocket takes one send at a time, so sends are chained; counted before the write, as the simulator does. */
    private void writeLocked(String text) {
        frames.sent(text);
        writing = writing.thenCompose(ws -> ws.sendText(text, true));
        writing.whenComplete((ws, error) -> {
            if (error != null) {
                failed("write", error);
            }
        });
    }

    private void received(String text) {
        frames.received(text);
        Frame frame;
        try {
            frame = FrameCodec.parse(text);
        } catch (MalformedFrameException e) {
            failed("read a frame", e);
            return;
        }
        if (frame instanceof Frame.Call call) {
            answer(call);
            return;
        }
        Outgoing done;
        synchronized (lock) {
            done = inFlight;
            if (done == null || !done.messageId().equals(frame.messageId())) {
                failed("match an answer", new IllegalStateException("answer to " + frame.messageId() + ", not ours"));
                return;
            }
            inFlight = null;
        }
        try {
            if (frame instanceof Frame.CallError error) {
                throw new IllegalStateException(done.action() + " answered with CALLERROR " + error.code());
            }
            done.then().accept(MessageCodec.decodeResponse(done.action(), ((Frame.CallResult) frame).payload()));
        } catch (PayloadException | RuntimeException e) {
            failed("use the answer to " + done.action(), e);
        } finally {
            synchronized (lock) {
                pumpLocked();
            }
        }
    }

    /** The central system's calls: in the soak, a ChangeConfiguration of HeartbeatInterval that quiets the station. */
    private void answer(Frame.Call call) {
        String reply;
        Action action = Action.fromWire(call.action()).orElse(null);
        try {
            if (action != Action.ChangeConfiguration) {
                throw new UnsupportedOperationException(call.action());
            }
            ChangeConfigurationRequest change = (ChangeConfigurationRequest) MessageCodec.decodeRequest(action, call.payload());
            boolean heartbeatInterval = change.key().equals("HeartbeatInterval");
            reply = FrameCodec.write(new Frame.CallResult(call.messageId(), MessageCodec.encode(new ChangeConfigurationResponse(
                    heartbeatInterval ? ConfigurationStatus.Accepted : ConfigurationStatus.NotSupported))));
            if (heartbeatInterval) {
                startHeartbeat(Integer.parseInt(change.value()));
            }
        } catch (PayloadException | RuntimeException e) {
            reply = FrameCodec.write(new Frame.CallError(call.messageId(), ErrorCode.NotSupported, String.valueOf(e.getMessage())));
        }
        synchronized (lock) {
            writeLocked(reply);
        }
    }

    // ------------------------------------------------------------------ WebSocket.Listener

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        String text = null;
        synchronized (partial) {
            partial.append(data);
            if (last) {
                text = partial.toString();
                partial.setLength(0);
            }
        }
        if (text != null) {
            received(text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        failed("keep the connection", error);
        closed.complete(null);
    }

    // ------------------------------------------------------------------ plumbing

    private void later(long millis, Runnable step) {
        timer.schedule(step, millis, TimeUnit.MILLISECONDS);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private void failed(String what, Throwable e) {
        if (failures.incrementAndGet() == 1) {
            System.out.printf("%s could not %s: %s%n", id, what, e);
        }
    }
}
