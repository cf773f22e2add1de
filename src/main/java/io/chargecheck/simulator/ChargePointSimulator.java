package io.chargecheck.simulator;

import io.chargecheck.filetransfer.FileTransferClient;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.Measurand;
import io.chargecheck.ocpp.message.Core.MeterValue;
import io.chargecheck.ocpp.message.Core.MeterValuesRequest;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.Core.StopTransactionResponse;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.DiagnosticsStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatusNotificationResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.java_websocket.framing.CloseFrame;

/**
 * An OCPP 1.6J charge point that stands in for a real charger: it connects to a central system,
 * boots, reports its connectors, runs transactions with a plausible meter, keeps transaction
 * messages while offline, resets, updates firmware and uploads diagnostics over FTP, and answers
 * every Core, Firmware Management, Local Auth List, Reservation and Remote Trigger command.
 *
 * <p>The control methods are the physical world ({@link #plugIn}, {@link #presentCard},
 * {@link #loseNetwork}, ...). Each returns once the simulator has acted on it: the OCPP messages
 * that follow are sent and answered by the central system, or queued when offline, so a journal
 * read after the call already holds them. {@link Quirk}s make it misbehave on purpose.
 *
 * <p>All its state lives on one event-loop thread; control methods hand their work to it and wait.
 * Incoming calls are answered there at once, also while a call of the station waits for its answer.
 */
public final class ChargePointSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final Clock clock = Clock.systemUTC();
    private final EventLog log;
    private final ScheduledExecutorService loop;
    private final ExecutorService transfers;
    private final FileTransferClient ftp;
    private final Path stateDirectory;
    private final boolean ownsStateDirectory;
    private final StateStore store;
    private final ConfigurationStore configuration;
    private final Authorization authorization = new Authorization();
    private final Connector[] connectors;
    private final Outbox outbox;
    private final RemoteCommands commands;
    private volatile Thread loopThread;

    // connection
    private Link link;
    private boolean connected;
    private boolean networkUp = true;
    private boolean powered;
    private volatile boolean closed;
    private CompletableFuture<Void> attempt = CompletableFuture.completedFuture(null);
    private Duration backOff;
    private ScheduledFuture<?> reconnectTimer;
    private int failedAttempts;

    // registration and what lives from one boot to the next
    private int session;
    private RegistrationStatus registration;
    private ScheduledFuture<?> bootRetry;
    private ScheduledFuture<?> heartbeat;
    private String firmwareVersion;
    private String installedFirmwareVersion;
    private boolean rebootForFirmware;
    private FirmwareStatus firmwareStatus = FirmwareStatus.Idle;
    private DiagnosticsStatus diagnosticsStatus = DiagnosticsStatus.Idle;

    public ChargePointSimulator(SimulatorConfig config) {
        this.config = config;
        this.log = new EventLog(config.chargePointId(), clock);
        this.backOff = config.reconnectMin();
        String threadName = "simulator-" + config.chargePointId();
        this.loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            loopThread = thread;
            return thread;
        });
        this.transfers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadName + "-ftp");
            thread.setDaemon(true);
            return thread;
        });
        this.ftp = new FileTransferClient(config.transferTimeout(), config.sslContext());
        try {
            this.ownsStateDirectory = config.stateDirectory() == null;
            this.stateDirectory = ownsStateDirectory
                    ? Files.createTempDirectory("chargecheck-simulator-" + config.chargePointId() + "-")
                    : config.stateDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the simulator", e);
        }
        this.store = new StateStore(stateDirectory);
        this.configuration = new ConfigurationStore(config.connectors());
        Instant now = now();
        this.connectors = new Connector[config.connectors() + 1];
        for (int id = 0; id <= config.connectors(); id++) {
            connectors[id] = new Connector(id, id == 0 ? null : new Meter(10_000.0 * id + 2_345, id, now));
        }
        try {
            restoreStation();
            config.configuration().forEach(configuration::preset); // the operator's wish wins over what was saved
        } catch (RuntimeException e) {
            if (ownsStateDirectory) {
                deleteQuietly(stateDirectory);
            }
            throw e;
        }
        this.outbox = new Outbox(store, this::write, this::schedule, config.callTimeout(),
                !config.has(Quirk.OFFLINE_WRONG_TRANSACTION_ID), log);
        this.commands = new RemoteCommands(this);
    }

    /** What the station kept from its last run: availability, configuration, firmware version. */
    private void restoreStation() {
        firmwareVersion = config.identity().firmwareVersion();
        store.loadStation().ifPresent(saved -> {
            saved.availability().forEach((id, type) -> {
                if (id >= 0 && id < connectors.length) {
                    connectors[id].availability = type;
                }
            });
            configuration.restore(saved.configuration());
            if (saved.firmwareVersion() != null) {
                firmwareVersion = saved.firmwareVersion();
            }
        });
    }

    /** Creates a simulator and switches it on. */
    public static ChargePointSimulator start(SimulatorConfig config) {
        ChargePointSimulator simulator = new ChargePointSimulator(config);
        simulator.start();
        return simulator;
    }

    // ------------------------------------------------------------------ the physical world

    /** Switches the station on: it connects and boots. Returns once the first connection attempt is decided. */
    public void start() {
        act("switch on", this::powerOn);
    }

    public void plugIn(int connector) {
        Connector c = connector(connector);
        act("plug in at connector " + connector, () -> done(() -> cablePlugged(c)));
    }

    public void unplug(int connector) {
        Connector c = connector(connector);
        act("unplug at connector " + connector, () -> done(() -> cableUnplugged(c)));
    }

    /** Someone holds an RFID card with this id tag to the reader of the connector. */
    public void presentCard(int connector, String idTag) {
        Connector c = connector(connector);
        act("present card " + idTag + " at connector " + connector, () -> cardPresented(c, idTag));
    }

    public void evSuspends(int connector) {
        Connector c = connector(connector);
        act("EV suspends at connector " + connector, () -> done(() -> evSuspended(c, true)));
    }

    public void evResumes(int connector) {
        Connector c = connector(connector);
        act("EV resumes at connector " + connector, () -> done(() -> evSuspended(c, false)));
    }

    /** A hardware fault at a connector, or with connector 0 at the station itself. */
    public void injectFault(int connector, ChargePointErrorCode errorCode, String vendorErrorCode) {
        Connector c = connectorOrStation(connector);
        act("fault " + errorCode + " at connector " + connector, () -> done(() -> faultAppears(c, errorCode, vendorErrorCode)));
    }

    /** The fault is repaired and normal operation restored (which also ends a stuck status, see {@link Quirk}). */
    public void clearFault(int connector) {
        Connector c = connectorOrStation(connector);
        act("clear the fault at connector " + connector, () -> done(() -> faultCleared(c)));
    }

    /** The network goes away under the station (the socket dies without a close handshake). */
    public void loseNetwork() {
        act("lose the network", () -> done(this::networkLost));
    }

    /** The network comes back; returns once the first connection attempt is decided. */
    public void regainNetwork() {
        act("regain the network", this::networkBack);
    }

    /** Power off and on: transactions end with PowerLoss (sent after the boot), the station boots again. */
    public void powerCycle() {
        act("power cycle", () -> {
            log.info("power cut");
            switchOff(Reason.PowerLoss, false, "power lost");
            return restartAfter(config.rebootTime());
        });
    }

    /** Switches the station off for good; running transactions are kept as ended by PowerLoss in the state directory. */
    @Override
    public void close() {
        if (closed || loop.isShutdown()) {
            return;
        }
        try {
            act("switch off", () -> done(() -> {
                closed = true;
                if (powered) {
                    log.info("switched off");
                    switchOff(Reason.PowerLoss, true, "switched off");
                }
            }));
        } catch (RuntimeException e) {
            log.warn("switching off did not finish cleanly: {}", e.getMessage());
        } finally {
            loop.shutdownNow();
            transfers.shutdownNow();
            if (ownsStateDirectory) {
                deleteQuietly(stateDirectory);
            }
        }
    }

    /** Handles a text as if the central system had sent it: for tests of frames no central system would send. */
    void receive(String frame) {
        act("receive " + frame, () -> done(() -> commands.received(frame)));
    }

    // ------------------------------------------------------------------ read-only views, for tests and steps

    /** Sees the frames of the station's connection as they go out and come in. */
    public interface FrameListener {
        /** A frame is being written, on the simulator's thread; called before the write, so before its answer. */
        void sent(String frame);

        /** A frame came in, on Java-WebSocket's reading thread. */
        void received(String frame);
    }

    /**
     * Shows every frame from now on to {@code listener} (one at a time; null for none), so that a
     * load test can count what the station put on the wire independently of the central system.
     * Set it before {@link #start()} to see the BootNotification too; keep it short.
     */
    public void listenToFrames(FrameListener listener) {
        log.listenToFrames(listener);
    }

    public String chargePointId() {
        return config.chargePointId();
    }

    public int connectorCount() {
        return config.connectors();
    }

    public Set<Quirk> quirks() {
        return config.quirks();
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The status the connector is in now (connector 0: the station). */
    public ChargePointStatus status(int connector) {
        Connector c = connectorOrStation(connector);
        return query(() -> c.status(stationFaulted()));
    }

    /** The id the central system assigned to the transaction running at the connector, once it has. */
    public Optional<Integer> transactionId(int connector) {
        Connector c = connector(connector);
        return query(() -> Optional.ofNullable(c.transaction).map(tx -> tx.transactionId));
    }

    public boolean isConnected() {
        return query(() -> connected);
    }

    public Optional<RegistrationStatus> registrationStatus() {
        return query(() -> Optional.ofNullable(registration));
    }

    public String firmwareVersion() {
        return query(() -> firmwareVersion);
    }

    public FirmwareStatus firmwareStatus() {
        return query(() -> firmwareStatus);
    }

    public Optional<String> configuration(String key) {
        return query(() -> configuration.get(key));
    }

    /** The meter register of the connector, in Wh. */
    public int meterWh(int connector) {
        Connector c = connector(connector);
        return query(() -> c.meter.registerWh(now()));
    }

    /** Transaction messages waiting for delivery (offline queue, persisted). */
    public int queuedTransactionMessages() {
        return query(outbox::queuedTransactionMessages);
    }

    // ------------------------------------------------------------------ power and connection (event loop)

    private CompletableFuture<Void> powerOn() {
        powered = true;
        registration = null;
        firmwareStatus = FirmwareStatus.Idle;
        diagnosticsStatus = DiagnosticsStatus.Idle;
        if (installedFirmwareVersion != null) {
            firmwareVersion = installedFirmwareVersion;
            installedFirmwareVersion = null;
            saveStation();
        }
        outbox.reload();
        SimulatorConfig.Identity id = config.identity();
        log.info("switched on: {} {} serial {} firmware {}, {} connector(s){}", id.vendor(), id.model(),
                id.serialNumber(), firmwareVersion, config.connectors(),
                config.quirks().isEmpty() ? "" : ", quirks " + config.quirks());
        return connect();
    }

    /**
     * Everything the station had in memory goes: the connection (closed with a handshake when
     * graceful, dropped as by a power cut when not; a dropped connection may lose what was still
     * being written), timers, authorisations, reservations. Transactions still running end with
     * {@code reason}; as the connection is already gone, their StopTransaction is queued.
     */
    void switchOff(Reason reason, boolean graceful, String why) {
        dropLink(graceful, why);
        for (Connector c : chargingConnectors()) {
            stopTransaction(c, reason, null);
        }
        powered = false;
        session++;
        registration = null;
        cancel(heartbeat);
        cancel(bootRetry);
        cancel(reconnectTimer);
        for (Connector c : connectors) {
            c.forgetSession();
        }
        rebootForFirmware = false;
    }

    /** Comes back after {@code delay}; completes once the first connection attempt after it is decided. */
    CompletableFuture<Void> restartAfter(Duration delay) {
        CompletableFuture<Void> back = new CompletableFuture<>();
        schedule(() -> powerOn().whenComplete((ok, error) -> back.complete(null)), delay);
        return back;
    }

    /** Off (transactions still running end with {@code reason}, their StopTransaction queued), then on again. */
    CompletableFuture<Void> reboot(Reason reason, boolean graceful, String why) {
        log.info("rebooting: {}", why);
        switchOff(reason, graceful, why);
        return restartAfter(config.rebootTime());
    }

    private CompletableFuture<Void> connect() {
        cancel(reconnectTimer);
        if (!powered || !networkUp || closed) {
            return CompletableFuture.completedFuture(null);
        }
        if (link != null) {
            return attempt;
        }
        attempt = new CompletableFuture<>();
        if (failedAttempts == 0) {
            log.info("connecting to {}", config.endpoint());
        }
        link = new Link(config.endpoint(), config.chargePointId(), config.password(), config.sslContext(),
                configuration.intValue(ConfigurationStore.WEB_SOCKET_PING_INTERVAL), new LinkEvents(), log);
        link.connect();
        return attempt;
    }

    /** Java-WebSocket's callbacks, handed to the event loop; events of a link that is no longer current are ignored. */
    private final class LinkEvents implements Link.Listener {
        @Override
        public void opened(Link l) {
            execute(() -> {
                if (l == link) {
                    linkOpened();
                } else {
                    l.close();
                }
            });
        }

        @Override
        public void message(Link l, String text) {
            execute(() -> {
                if (l == link) {
                    commands.received(text);
                }
            });
        }

        @Override
        public void closed(Link l, int code, String reason, boolean remote) {
            execute(() -> {
                if (l == link) {
                    link = null;
                    String why = l.failure() != null && !connected ? l.failure() : describeClose(code, reason);
                    linkLost(why);
                    if (powered && networkUp && !closed) {
                        reconnectTimer = schedule(ChargePointSimulator.this::connect, backOff);
                        if (failedAttempts == 1 || failedAttempts % 10 == 0) {
                            log.info("next connection attempt in {} ms", backOff.toMillis());
                        }
                        Duration doubled = backOff.multipliedBy(2);
                        backOff = doubled.compareTo(config.reconnectMax()) > 0 ? config.reconnectMax() : doubled;
                    }
                }
            });
        }
    }

    private static String describeClose(int code, String reason) {
        return "code " + code + (reason == null || reason.isBlank() ? "" : ", " + reason);
    }

    private void linkOpened() {
        connected = true;
        failedAttempts = 0;
        backOff = config.reconnectMin();
        log.info("connected to {}", config.endpoint());
        if (registration == RegistrationStatus.Accepted) {
            // back after an outage, not after a reboot: no BootNotification, queued messages first
            if (config.has(Quirk.OFFLINE_NOT_REPLAYED)) {
                int dropped = outbox.dropTransactionMessages();
                if (dropped > 0) {
                    log.info("dropped {} queued transaction message(s) (quirk offline-not-replayed)", dropped);
                }
            }
            outbox.state(true, true);
            attempt.complete(null);
        } else {
            outbox.state(true, false);
            CompletableFuture<Void> current = attempt;
            sendBoot().whenComplete((ok, error) -> current.complete(null));
        }
    }

    private void linkLost(String why) {
        boolean wasConnected = connected;
        connected = false;
        outbox.state(false, false);
        if (wasConnected) {
            log.info("connection to the central system closed ({})", why);
        } else {
            failedAttempts++;
            if (failedAttempts == 1 || failedAttempts % 10 == 0) {
                log.info("could not connect to {} ({}){}", config.endpoint(), why,
                        failedAttempts > 1 ? ", " + failedAttempts + " attempts so far" : "");
            }
        }
        attempt.complete(null);
    }

    /** Ends the current connection from this side; its own close event is then ignored. */
    private void dropLink(boolean graceful, String why) {
        Link l = link;
        if (l == null) {
            return;
        }
        link = null;
        if (graceful && connected) {
            l.close(CloseFrame.NORMAL, why);
        } else {
            abort(l);
        }
        linkLost(why);
    }

    /** Drops the TCP connection without a WebSocket close handshake, as a lost network does. */
    private static void abort(Link l) {
        Socket socket = l.getSocket();
        try {
            if (socket != null) {
                socket.close();
            } else {
                l.closeConnection(CloseFrame.ABNORMAL_CLOSE, "aborted");
            }
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    private boolean write(String frame) {
        return link != null && connected && link.write(frame);
    }

    private void networkLost() {
        if (!networkUp) {
            return;
        }
        networkUp = false;
        cancel(reconnectTimer);
        log.info("network lost");
        dropLink(false, "network lost");
    }

    private CompletableFuture<Void> networkBack() {
        if (networkUp) {
            return CompletableFuture.completedFuture(null);
        }
        networkUp = true;
        backOff = config.reconnectMin();
        failedAttempts = 0;
        log.info("network back");
        return connect();
    }

    // ------------------------------------------------------------------ boot and heartbeat

    /** Sends BootNotification; completes once it is answered (or could not be). */
    CompletableFuture<Void> sendBoot() {
        SimulatorConfig.Identity id = config.identity();
        String serial = config.has(Quirk.BOOT_WITHOUT_SERIAL) ? null : id.serialNumber();
        BootNotificationRequest request = new BootNotificationRequest(id.vendor(), id.model(), serial, null,
                firmwareVersion, id.iccid(), id.imsi(), id.meterType(), id.meterSerialNumber());
        Outbox.Outgoing<BootNotificationResponse> boot = outbox.send(request);
        int bootSession = session;
        boot.answer.whenComplete((response, error) -> {
            if (bootSession != session) {
                return;
            }
            if (error != null) {
                log.info("BootNotification not answered ({}); trying again", error.getMessage());
                if (connected && registration != RegistrationStatus.Accepted) {
                    cancel(bootRetry);
                    bootRetry = schedule(this::sendBoot, config.reconnectMax());
                }
            } else {
                registered(response);
            }
        });
        return boot.settled;
    }

    private void registered(BootNotificationResponse response) {
        boolean wasAccepted = registration == RegistrationStatus.Accepted;
        registration = response.status();
        cancel(bootRetry);
        if (registration == RegistrationStatus.Accepted) {
            if (response.interval() > 0) {
                configuration.change(ConfigurationStore.HEARTBEAT_INTERVAL, String.valueOf(response.interval()));
            }
            int interval = configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL);
            log.info("registration Accepted; heartbeat every {} s", interval);
            startHeartbeat(interval);
            if (!wasAccepted) {
                for (Connector c : connectors) {
                    c.reported = null; // every connector, 0 first, is reported after the boot
                }
            }
            outbox.state(connected, true);
        } else {
            int retry = response.interval() > 0 ? response.interval()
                    : configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL);
            log.info("registration {}: BootNotification again in {} s", registration, retry);
            outbox.state(connected, false);
            bootRetry = schedule(() -> {
                if (connected && registration != RegistrationStatus.Accepted) {
                    sendBoot();
                }
            }, Duration.ofSeconds(retry));
        }
    }

    void startHeartbeat(int seconds) {
        cancel(heartbeat);
        if (config.has(Quirk.NO_HEARTBEAT) || seconds <= 0) {
            return;
        }
        Duration period = Duration.ofSeconds(seconds);
        heartbeat = loop.scheduleAtFixedRate(() -> runTask(() -> {
            if (outbox.isOnline()) {
                sendHeartbeat();
            }
        }), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sendHeartbeat() {
        outbox.send(new HeartbeatRequest());
    }

    // ------------------------------------------------------------------ status notifications

    /**
     * Sends a StatusNotification for every connector whose status differs from the last one sent,
     * and starts or stops the energy flow of the meters. Runs after every event-loop task, so
     * no state change can forget to report itself.
     */
    private void reconcile() {
        Instant now = now();
        boolean stationFaulted = stationFaulted();
        for (Connector c : connectors) {
            if (c.meter != null) {
                boolean flowing = c.transaction != null && c.status(stationFaulted) == ChargePointStatus.Charging;
                if (flowing != c.meter.isFlowing()) {
                    c.meter.flowing(flowing, now);
                }
            }
        }
        if (!outbox.isOnline()) {
            return; // reported once the connection is back, as what changed meanwhile
        }
        for (Connector c : connectors) {
            Connector.Report report = c.report(stationFaulted);
            if (!report.equals(c.reported)) {
                c.reported = report;
                sendStatus(c, report);
            }
        }
    }

    void sendStatus(Connector c, Connector.Report report) {
        if (c.isStation() && config.has(Quirk.NO_CONNECTOR_ZERO_STATUS)) {
            return;
        }
        boolean hideError = report.status() == ChargePointStatus.Faulted && config.has(Quirk.FAULT_WITHOUT_ERROR_CODE);
        ChargePointErrorCode errorCode = hideError ? ChargePointErrorCode.NoError : report.errorCode();
        String vendorErrorCode = hideError ? null : report.vendorErrorCode();
        log.info("{} is {}{}", c.isStation() ? "station (connector 0)" : "connector " + c.id, report.status(),
                errorCode == ChargePointErrorCode.NoError ? "" : " (" + errorCode + ")");
        outbox.send(new StatusNotificationRequest(c.id, errorCode, null, report.status(), now(), null, vendorErrorCode));
    }

    /** Marks the current statuses as reported without sending them (a quirk's silence). */
    void reportedSilently(List<Connector> affected) {
        boolean stationFaulted = stationFaulted();
        affected.forEach(c -> c.reported = c.report(stationFaulted));
    }

    // ------------------------------------------------------------------ physical events (event loop)

    private void cablePlugged(Connector c) {
        if (c.cablePlugged) {
            log.info("connector {}: a cable is already plugged in", c.id);
            return;
        }
        c.cablePlugged = true;
        c.frozenStatus = null;
        log.info("cable plugged in at connector {}", c.id);
        if (c.transaction == null && c.authorizedIdTag != null) {
            String idTag = c.authorizedIdTag;
            Integer reservationId = c.authorizedReservationId;
            c.clearAuthorization();
            startTransaction(c, idTag, reservationId);
        }
    }

    private void cableUnplugged(Connector c) {
        if (!c.cablePlugged) {
            log.info("connector {}: no cable to unplug", c.id);
            return;
        }
        ChargePointStatus before = c.status(stationFaulted());
        c.cablePlugged = false;
        c.evSuspended = false;
        c.finishing = false;
        log.info("cable unplugged at connector {}", c.id);
        if (c.transaction != null) {
            if (config.has(Quirk.UNPLUG_DOES_NOT_STOP)) {
                log.info("transaction at connector {} goes on (quirk unplug-does-not-stop)", c.id);
            } else if (!configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT)) {
                log.info("transaction at connector {} suspended: StopTransactionOnEVSideDisconnect is false", c.id);
            } else {
                stopTransaction(c, Reason.EVDisconnected, null);
            }
        }
        if (config.has(Quirk.WRONG_STATUS_AFTER_UNPLUG) && c.status(stationFaulted()) == ChargePointStatus.Available) {
            c.frozenStatus = before == ChargePointStatus.Preparing ? ChargePointStatus.Preparing : ChargePointStatus.Finishing;
        }
    }

    private CompletableFuture<Void> cardPresented(Connector c, String idTag) {
        log.info("card {} presented at connector {}", idTag, c.id);
        if (c.transaction != null) {
            if (!idTag.equals(c.transaction.idTag)) {
                log.info("connector {} charges for another card: {} ignored", c.id, idTag);
            } else if (config.has(Quirk.LOCAL_STOP_IGNORED)) {
                log.info("card {} ignored (quirk local-stop-ignored)", idTag);
            } else {
                stopTransaction(c, Reason.Local, idTag);
            }
            return CompletableFuture.completedFuture(null);
        }
        if (c.authorizedIdTag != null) {
            log.info("connector {} is already authorised, waiting for the cable: {} ignored", c.id, idTag);
            return CompletableFuture.completedFuture(null);
        }
        if (!c.acceptsNewTransaction(stationFaulted())) {
            log.info("connector {} is {}: card {} ignored", c.id, c.status(stationFaulted()), idTag);
            return CompletableFuture.completedFuture(null);
        }
        if (c.reservation != null && !c.reservation.idTag().equals(idTag)) {
            log.info("connector {} is reserved for another card: {} ignored", c.id, idTag);
            return CompletableFuture.completedFuture(null);
        }
        Integer reservationId = c.reservation == null ? null : c.reservation.reservationId();
        boolean ask = !(config.has(Quirk.LOCAL_START_WITHOUT_AUTHORIZE) && c.cablePlugged);
        if (!ask) {
            log.info("no Authorize for {} (quirk local-start-without-authorize)", idTag);
        }
        return authorize(idTag, ask).thenAccept(status -> {
            if (status == AuthorizationStatus.Accepted) {
                authorized(c, idTag, reservationId);
            } else if (config.has(Quirk.START_DESPITE_REJECTED_CARD)) {
                log.info("card {} is {}, starting anyway (quirk start-despite-rejected-card)", idTag, status);
                authorized(c, idTag, reservationId);
            } else {
                log.info("card {} is {}: nothing happens", idTag, status);
            }
        });
    }

    private void evSuspended(Connector c, boolean suspended) {
        if (c.transaction == null) {
            log.info("connector {}: no transaction, the EV cannot {}", c.id, suspended ? "suspend" : "resume");
            return;
        }
        c.evSuspended = suspended;
        log.info("EV at connector {} {} charging", c.id, suspended ? "suspends" : "resumes");
    }

    private void faultAppears(Connector c, ChargePointErrorCode errorCode, String vendorErrorCode) {
        Connector target = c.isStation() && config.has(Quirk.STATION_FAULT_ON_CONNECTOR_ONE) ? connectors[1] : c;
        target.fault = new Connector.Fault(errorCode, vendorErrorCode);
        log.info("hardware fault {}{} at {}", errorCode, vendorErrorCode == null ? "" : " (" + vendorErrorCode + ")",
                c.isStation() ? "the station itself" : "connector " + c.id);
    }

    /** The fault is gone and normal operation restored: that also ends a status stuck by a quirk. */
    private void faultCleared(Connector c) {
        c.fault = null;
        c.frozenStatus = null;
        if (c.isStation() && config.has(Quirk.STATION_FAULT_ON_CONNECTOR_ONE)) {
            connectors[1].fault = null;
        }
        log.info("fault cleared at {}", c.isStation() ? "the station itself" : "connector " + c.id);
    }

    // ------------------------------------------------------------------ authorisation and transactions

    /**
     * The verdict on an id tag: from the central system when online (unless LocalPreAuthorize finds
     * it accepted locally), else from the local list and cache as LocalAuthorizeOffline and
     * AllowOfflineTxForUnknownId allow. {@code ask} false skips Authorize altogether.
     */
    CompletableFuture<AuthorizationStatus> authorize(String idTag, boolean ask) {
        if (!ask) {
            return CompletableFuture.completedFuture(AuthorizationStatus.Accepted);
        }
        if (!outbox.isOnline()) {
            return CompletableFuture.completedFuture(offlineVerdict(idTag));
        }
        if (configuration.booleanValue(ConfigurationStore.LOCAL_PRE_AUTHORIZE)
                && localVerdict(idTag).orElse(null) == AuthorizationStatus.Accepted) {
            log.info("card {} accepted locally (LocalPreAuthorize)", idTag);
            return CompletableFuture.completedFuture(AuthorizationStatus.Accepted);
        }
        return outbox.send(new AuthorizeRequest(idTag)).answer.handle((response, error) -> {
            if (error != null) {
                log.info("Authorize for {} not answered ({}): deciding offline", idTag, error.getMessage());
                return offlineVerdict(idTag);
            }
            remember(idTag, response.idTagInfo());
            return response.idTagInfo().status();
        });
    }

    private AuthorizationStatus offlineVerdict(String idTag) {
        if (configuration.booleanValue(ConfigurationStore.LOCAL_AUTHORIZE_OFFLINE)) {
            Optional<AuthorizationStatus> known = localVerdict(idTag);
            if (known.isPresent()) {
                log.info("offline: card {} is {} in the local list or cache", idTag, known.get());
                return known.get();
            }
        }
        boolean allowUnknown = configuration.booleanValue(ConfigurationStore.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID);
        log.info("offline: card {} is unknown here, {}", idTag, allowUnknown ? "allowed (AllowOfflineTxForUnknownId)" : "refused");
        return allowUnknown ? AuthorizationStatus.Accepted : AuthorizationStatus.Invalid;
    }

    private Optional<AuthorizationStatus> localVerdict(String idTag) {
        return authorization.lookup(idTag, configuration.booleanValue(ConfigurationStore.LOCAL_AUTH_LIST_ENABLED),
                configuration.booleanValue(ConfigurationStore.AUTHORIZATION_CACHE_ENABLED), now());
    }

    private void remember(String idTag, io.chargecheck.ocpp.message.Core.IdTagInfo info) {
        if (configuration.booleanValue(ConfigurationStore.AUTHORIZATION_CACHE_ENABLED)) {
            authorization.remember(idTag, info);
        }
    }

    /** An id tag may charge here: at once if the cable is in, else once it comes within ConnectionTimeOut. */
    void authorized(Connector c, String idTag, Integer reservationId) {
        if (!c.acceptsNewTransaction(stationFaulted()) || c.authorizedIdTag != null) {
            log.info("connector {} is {} now: no transaction for {}", c.id, c.status(stationFaulted()), idTag);
            return;
        }
        if (c.cablePlugged) {
            startTransaction(c, idTag, reservationId);
            return;
        }
        c.authorizedIdTag = idTag;
        c.authorizedReservationId = reservationId;
        c.frozenStatus = null;
        int timeout = configuration.intValue(ConfigurationStore.CONNECTION_TIME_OUT);
        if (config.has(Quirk.CONNECTION_TIMEOUT_IGNORED)) {
            log.info("{} authorised at connector {}: waiting for the cable, for ever (quirk connection-timeout-ignored)", idTag, c.id);
        } else if (timeout > 0) {
            log.info("{} authorised at connector {}: waiting {} s for the cable", idTag, c.id, timeout);
            c.connectionTimeout = schedule(() -> {
                if (idTag.equals(c.authorizedIdTag) && !c.cablePlugged) {
                    log.info("no cable at connector {} within {} s: authorisation of {} dropped", c.id, timeout, idTag);
                    c.clearAuthorization();
                }
            }, Duration.ofSeconds(timeout));
        }
    }

    private void startTransaction(Connector c, String idTag, Integer reservationId) {
        Instant now = now();
        List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
        MeterValue begin = stopTxnData.isEmpty() ? null : c.meter.sample(stopTxnData, ReadingContext.TransactionBegin, now);
        Connector.Transaction tx = new Connector.Transaction(outbox.newLocalTransactionId(), idTag,
                c.meter.registerWh(now), now, reservationId, begin);
        c.transaction = tx;
        c.clearAuthorization();
        c.clearReservation();
        c.finishing = false;
        c.frozenStatus = null;
        log.info("starting a transaction at connector {} for {}, meter at {} Wh", c.id, idTag, tx.meterStart);
        Outbox.Outgoing<StartTransactionResponse> start = outbox.sendTransactional(
                new StartTransactionRequest(c.id, idTag, tx.meterStart, reservationId, now), tx.localId);
        start.answer.whenComplete((response, error) -> {
            if (error != null) {
                log.warn("StartTransaction at connector {} failed: {}", c.id, error.getMessage());
                return;
            }
            tx.transactionId = response.transactionId();
            remember(idTag, response.idTagInfo());
            log.info("transaction {} runs at connector {}", tx.transactionId, c.id);
            if (response.idTagInfo().status() != AuthorizationStatus.Accepted && c.transaction == tx) {
                if (configuration.booleanValue(ConfigurationStore.STOP_TRANSACTION_ON_INVALID_ID)) {
                    log.info("central system says {} is {}: stopping the transaction", idTag, response.idTagInfo().status());
                    stopTransaction(c, Reason.DeAuthorized, null);
                } else {
                    log.info("central system says {} is {}; charging goes on (StopTransactionOnInvalidId is false)",
                            idTag, response.idTagInfo().status());
                }
            }
        });
        reconcile(); // Charging follows StartTransaction, before any sample
        if (!config.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            sendMeterValues(c, ReadingContext.TransactionBegin);
        }
        scheduleSampling(c);
    }

    /** Ends the transaction at the connector; returns its StopTransaction, or null when a quirk loses it. */
    Outbox.Outgoing<StopTransactionResponse> stopTransaction(Connector c, Reason reason, String idTag) {
        Connector.Transaction tx = c.transaction;
        Instant now = now();
        int meterStop = c.meter.registerWh(now);
        List<MeterValue> transactionData = null;
        if (!config.has(Quirk.NO_TRANSACTION_METER_VALUES)) {
            List<Measurand> stopTxnData = configuration.measurands(ConfigurationStore.STOP_TXN_SAMPLED_DATA);
            if (tx.beginSample != null && !stopTxnData.isEmpty()) {
                transactionData = List.of(tx.beginSample, c.meter.sample(stopTxnData, ReadingContext.TransactionEnd, now));
            }
        }
        c.transaction = null;
        c.evSuspended = false;
        c.stopSampling();
        c.finishing = c.cablePlugged;
        log.info("transaction {} at connector {} stops ({}), meter at {} Wh, {} Wh charged", tx.wireId(), c.id, reason,
                meterStop, meterStop - tx.meterStart);
        Outbox.Outgoing<StopTransactionResponse> stop = null;
        if (!outbox.isOnline() && config.has(Quirk.LOSE_QUEUED_STOP_TRANSACTION)) {
            log.info("offline StopTransaction of transaction {} lost (quirk lose-queued-stop-transaction)", tx.wireId());
        } else {
            stop = outbox.sendTransactional(new StopTransactionRequest(idTag, meterStop, now, tx.wireId(), reason,
                    transactionData), tx.localId);
            stop.answer.thenAccept(response -> remember(idTag, response.idTagInfo()));
        }
        applyScheduledAvailability(c); // Finishing, Available or Unavailable follows at the end of the task
        if (stop != null) {
            commands.rebootIntoNewFirmwareAfter(stop.answer);
        }
        return stop;
    }

    private void applyScheduledAvailability(Connector c) {
        boolean changed = false;
        if (c.scheduledAvailability != null) {
            c.availability = c.scheduledAvailability;
            c.scheduledAvailability = null;
            changed = true;
        }
        Connector station = connectors[0];
        if (station.scheduledAvailability != null && chargingConnectors().isEmpty()) {
            station.availability = station.scheduledAvailability;
            station.scheduledAvailability = null;
            changed = true;
        }
        if (changed) {
            log.info("scheduled availability change applied");
            saveStation();
        }
    }

    void scheduleSampling(Connector c) {
        c.stopSampling();
        if (c.transaction == null || config.has(Quirk.NO_METER_VALUES)) {
            return;
        }
        int seconds = config.has(Quirk.METER_INTERVAL_IGNORED) ? Quirk.FIXED_METER_INTERVAL_SECONDS
                : configuration.intValue(ConfigurationStore.METER_VALUE_SAMPLE_INTERVAL);
        if (seconds <= 0) {
            return;
        }
        long period = TimeUnit.SECONDS.toMillis(seconds);
        c.sampling = loop.scheduleAtFixedRate(() -> runTask(() -> {
            if (c.transaction != null) {
                sendMeterValues(c, ReadingContext.SamplePeriodic);
            }
        }), period, period, TimeUnit.MILLISECONDS);
    }

    /** A MeterValues of the measurands of MeterValuesSampledData; part of the transaction if one runs. */
    void sendMeterValues(Connector c, ReadingContext context) {
        List<Measurand> measurands = config.has(Quirk.METER_VALUES_ENERGY_ONLY)
                ? List.of(Measurand.EnergyActiveImportRegister)
                : configuration.measurands(ConfigurationStore.METER_VALUES_SAMPLED_DATA);
        if (measurands.isEmpty()) {
            return;
        }
        MeterValue sample = c.meter.sample(measurands, context, now());
        Connector.Transaction tx = c.transaction;
        if (tx == null) {
            outbox.send(new MeterValuesRequest(c.id, null, List.of(sample)));
        } else {
            outbox.sendTransactional(new MeterValuesRequest(c.id, tx.wireId(), List.of(sample)), tx.localId);
        }
    }

    // ------------------------------------------------------------------ firmware and diagnostics status

    Outbox.Outgoing<FirmwareStatusNotificationResponse> sendFirmwareStatus(FirmwareStatus status) {
        firmwareStatus = status;
        log.info("firmware {}", status);
        return outbox.send(new FirmwareStatusNotificationRequest(status));
    }

    void sendDiagnosticsStatus(DiagnosticsStatus status) {
        diagnosticsStatus = status;
        log.info("diagnostics {}", status);
        outbox.send(new DiagnosticsStatusNotificationRequest(status));
    }

    /**
     * Runs a blocking FTP transfer off the event loop, with OCPP's retries, and hands the result
     * back to the event loop: {@code done} gets the result, or null and the reason it failed.
     * Nothing is handed back when the station rebooted meanwhile.
     */
    <T> void transfer(String what, Callable<T> task, int attempts, Duration retryInterval, BiConsumer<T, String> done) {
        int transferSession = session;
        transfers.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = task.call();
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            T outcome = result;
            String reason = failure;
            execute(() -> {
                if (transferSession != session) {
                    return;
                }
                if (reason == null) {
                    done.accept(outcome, null);
                } else if (attempts > 1) {
                    log.info("{} failed ({}); trying again in {} s", what, reason, retryInterval.toSeconds());
                    schedule(() -> {
                        if (transferSession == session) {
                            transfer(what, task, attempts - 1, retryInterval, done);
                        }
                    }, retryInterval);
                } else {
                    done.accept(null, reason);
                }
            });
        });
    }

    // ------------------------------------------------------------------ for RemoteCommands (event loop)

    SimulatorConfig config() {
        return config;
    }

    EventLog log() {
        return log;
    }

    ConfigurationStore configurationStore() {
        return configuration;
    }

    Authorization authorization() {
        return authorization;
    }

    Outbox outbox() {
        return outbox;
    }

    FileTransferClient ftp() {
        return ftp;
    }

    Connector[] connectors() {
        return connectors;
    }

    boolean stationFaulted() {
        return connectors[0].fault != null;
    }

    List<Connector> chargingConnectors() {
        return Arrays.stream(connectors).filter(c -> c.transaction != null).toList();
    }

    RegistrationStatus registration() {
        return registration;
    }

    String currentFirmwareVersion() {
        return firmwareVersion;
    }

    FirmwareStatus currentFirmwareStatus() {
        return firmwareStatus;
    }

    DiagnosticsStatus currentDiagnosticsStatus() {
        return diagnosticsStatus;
    }

    int session() {
        return session;
    }

    /** The firmware that runs after the next boot. */
    void firmwareInstalled(String version) {
        installedFirmwareVersion = version;
    }

    /** Reboots into the installed firmware once no transaction runs (see {@link RemoteCommands#rebootIntoNewFirmwareAfter}). */
    void rebootForFirmwareWhenIdle() {
        rebootForFirmware = true;
    }

    boolean rebootForFirmwarePending() {
        return rebootForFirmware && chargingConnectors().isEmpty();
    }

    void clearRebootForFirmware() {
        rebootForFirmware = false;
    }

    /** Sends a frame that answers the central system. */
    void reply(String frame) {
        write(frame);
    }

    void saveStation() {
        Map<Integer, AvailabilityType> availability = new LinkedHashMap<>();
        for (Connector c : connectors) {
            availability.put(c.id, c.availability);
        }
        store.saveStation(new StateStore.Station(availability, configuration.changed(), firmwareVersion));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return loop.schedule(() -> runTask(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    void execute(Runnable task) {
        try {
            loop.execute(() -> runTask(task));
        } catch (RejectedExecutionException e) {
            // switched off: nothing happens any more
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
            reconcile();
        } catch (RuntimeException bug) {
            log.error("internal error of the simulator", bug);
        }
    }

    // ------------------------------------------------------------------ plumbing

    /**
     * Runs {@code action} on the event loop and waits until it is done and everything it made the
     * station send is answered by the central system, or queued (offline) or dropped.
     */
    private void act(String what, Supplier<? extends CompletionStage<?>> action) {
        if (Thread.currentThread() == loopThread) {
            throw new IllegalStateException("control methods are for the outside world, not the simulator's own thread");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            loop.execute(() -> runTask(() -> {
                CompletionStage<?> stage = action.get();
                stage.whenComplete((result, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        // a task of its own: the current one reports its status changes first
                        execute(() -> outbox.drained().whenComplete((ok, e) -> done.complete(null)));
                    }
                });
            }));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("simulator " + config.chargePointId() + " is switched off");
        }
        await(done, what);
    }

    private <T> T query(Callable<T> question) {
        if (Thread.currentThread() == loopThread) {
            try {
                return question.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return await(loop.submit(question)::get, "read its state");
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("simulator " + config.chargePointId() + " is switched off");
        }
    }

    private void await(CompletableFuture<Void> done, String what) {
        await(done::get, what);
    }

    private interface TimedGet<T> {
        T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private <T> T await(TimedGet<T> future, String what) {
        try {
            return future.get(config.controlTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator " + config.chargePointId() + " did not finish '" + what
                    + "' within " + config.controlTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator to " + what);
        }
    }

    private static CompletableFuture<Void> done(Runnable change) {
        change.run();
        return CompletableFuture.completedFuture(null);
    }

    private Connector connector(int id) {
        if (id < 1 || id > config.connectors()) {
            throw new IllegalArgumentException("connector " + id + " does not exist; this station has connectors 1 to "
                    + config.connectors());
        }
        return connectors[id];
    }

    private Connector connectorOrStation(int id) {
        return id == 0 ? connectors[0] : connector(id);
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind harms no one
        }
    }
}
