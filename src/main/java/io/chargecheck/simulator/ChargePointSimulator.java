package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.FirmwareManagement.FirmwareStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An OCPP 1.6J charge point that stands in for a real charger: it connects to a central system,
 * boots, reports its connectors, runs transactions with a plausible meter, keeps transaction
 * messages while offline, resets, updates firmware and uploads diagnostics over FTP, holds its
 * charging to the limits of its charging profiles, and answers every Core, Firmware Management,
 * Local Auth List, Reservation, Smart Charging and Remote Trigger command, and those of the OCPP 1.6
 * security extension (security profiles 0 to 3, certificates, signed firmware).
 *
 * <p>The control methods are the physical world ({@link #plugIn}, {@link #presentCard},
 * {@link #loseNetwork}, ...). Each returns once the simulator has acted on it: the OCPP messages
 * that follow are sent and answered by the central system, or queued when offline, so a journal
 * read after the call already holds them. {@link Quirk}s make it misbehave on purpose.
 *
 * <p>All its state lives on one event-loop thread; control methods hand their work to it and wait.
 * Incoming calls are answered there at once, also while a call of the station waits for its answer.
 * The behaviour lives in one part per feature profile ({@link Boot}, {@link Transactions},
 * {@link Authorizing}, {@link Firmware}, ...); this class is the outside world's door to them.
 */
public final class ChargePointSimulator implements AutoCloseable {

    private final SimulatorConfig config;
    private final EventLog log;
    private final EventLoop loop;
    private final Path stateDirectory;
    private final boolean ownsStateDirectory;
    private final Station station;
    private final FileTransfers transfers;
    private volatile boolean closed;

    public ChargePointSimulator(SimulatorConfig config) {
        this.config = config;
        Clock clock = Clock.systemUTC();
        this.log = new EventLog(config.chargePointId(), clock);
        this.loop = new EventLoop(config.chargePointId(), config.controlTimeout(), log);
        try {
            this.ownsStateDirectory = config.stateDirectory() == null;
            this.stateDirectory = ownsStateDirectory
                    ? Files.createTempDirectory("chargecheck-simulator-" + config.chargePointId() + "-")
                    : config.stateDirectory();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory for the simulator", e);
        }
        StateStore store = new StateStore(stateDirectory);
        this.station = new Station(config, clock, log, loop, store);
        this.transfers = new FileTransfers(station);
        assemble(station, transfers);
        try {
            restoreStation(store);
            config.configuration().forEach(station.configuration::preset); // the operator's wish wins over what was saved
        } catch (RuntimeException e) {
            transfers.shutdown();
            loop.shutdown();
            if (ownsStateDirectory) {
                deleteQuietly(stateDirectory);
            }
            throw e;
        }
        station.outbox = new Outbox(store, station.connection::write, station::schedule, config.callTimeout(),
                !config.has(Quirk.OFFLINE_WRONG_TRANSACTION_ID), log);
        if (config.has(Variant.SLOW_REPLAY)) {
            station.outbox.paceReplay(config.replayDelay(), config.replayGap());
        }
        if (config.has(Quirk.REPLAY_OUT_OF_ORDER_LATE)) {
            station.outbox.replayOneLate(java.time.Duration.ofSeconds(Quirk.LATE_REPLAY_SECONDS));
        }
        loop.afterEachTask(station::reconcile, () -> station.outbox.drained());
    }

    /** Puts the parts together, one per feature profile, each taking the calls of its profile. */
    private static void assemble(Station station, FileTransfers transfers) {
        station.connection = new Connection(station);
        station.boot = new Boot(station);
        station.statuses = new Statuses(station);
        station.transactions = new Transactions(station);
        station.remoteTransactions = new RemoteTransactions(station);
        station.metering = new Metering(station);
        station.authorizing = new Authorizing(station);
        station.firmware = new Firmware(station, transfers);
        station.diagnostics = new Diagnostics(station, transfers);
        station.reservations = new Reservations(station);
        station.chargingProfiles = new ChargingProfiles(station);
        station.triggers = new Triggers(station);
        station.configuring = new Configuring(station);
        station.security = new Security(station, transfers);
        station.certificates = new CertificateStore(station);
        station.signedFirmware = new SignedFirmware(station, transfers);
        RemoteCommands commands = new RemoteCommands(station);
        station.commands = commands;
        station.boot.register(commands);
        station.statuses.register(commands);
        station.transactions.register(commands);
        station.remoteTransactions.register(commands);
        station.authorizing.register(commands);
        station.firmware.register(commands);
        station.diagnostics.register(commands);
        station.reservations.register(commands);
        station.chargingProfiles.register(commands);
        station.triggers.register(commands);
        station.configuring.register(commands);
        station.security.register(commands);
        station.certificates.register(commands);
        station.signedFirmware.register(commands);
    }

    /** What the station kept from its last run: availability, configuration, firmware version. */
    private void restoreStation(StateStore store) {
        store.loadStation().ifPresent(saved -> {
            saved.availability().forEach((id, type) -> {
                if (id >= 0 && id < station.connectors.length) {
                    station.connectors[id].availability = type;
                }
            });
            station.configuration.restore(saved.configuration());
            station.firmware.restore(saved.firmwareVersion());
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
        loop.act("switch on", station.boot::powerOn);
    }

    public void plugIn(int connector) {
        Connector c = connector(connector);
        act("plug in at connector " + connector, () -> station.transactions.cablePlugged(c));
    }

    /** The cable is taken out at both ends (after {@link #unplugFromEv}: out of the station's socket). */
    public void unplug(int connector) {
        Connector c = connector(connector);
        act("unplug at connector " + connector, () -> station.transactions.cableUnplugged(c));
    }

    /**
     * The cable is inserted only halfway: the connector's lock fails, it reports Faulted with
     * ConnectorLockFailure and no transaction starts, until the cable is unplugged.
     */
    public void plugInHalfway(int connector) {
        Connector c = connector(connector);
        act("plug in halfway at connector " + connector, () -> station.transactions.cablePluggedHalfway(c));
    }

    /**
     * The cable is pulled out of the EV, its other end still in the station (EV-side disconnect):
     * the transaction stops (EVDisconnected) or is suspended (SuspendedEV) as
     * StopTransactionOnEVSideDisconnect says; a loose cable stays in the socket (Finishing) until
     * {@link #unplug}, a fixed one is hung up.
     */
    public void unplugFromEv(int connector) {
        Connector c = connector(connector);
        act("pull the cable out of the EV at connector " + connector, () -> station.transactions.cableOutOfEv(c));
    }

    /** The connector's lock is blocked: the next UnlockConnector for it is answered UnlockFailed. */
    public void failNextUnlock(int connector) {
        Connector c = connector(connector);
        act("block the lock of connector " + connector, () -> station.transactions.jamLock(c));
    }

    /** The station cannot store a local list: the next SendLocalList is answered Failed. */
    public void failLocalListStorage() {
        act("break the local list's storage", station.authorizing::failStorage);
    }

    /** Someone holds an RFID card with this id tag to the reader of the connector. */
    public void presentCard(int connector, String idTag) {
        Connector c = connector(connector);
        loop.act("present card " + idTag + " at connector " + connector, () -> station.transactions.cardPresented(c, idTag));
    }

    public void evSuspends(int connector) {
        Connector c = connector(connector);
        act("EV suspends at connector " + connector, () -> station.transactions.evSuspended(c, true));
    }

    public void evResumes(int connector) {
        Connector c = connector(connector);
        act("EV resumes at connector " + connector, () -> station.transactions.evSuspended(c, false));
    }

    /** A hardware fault at a connector, or with connector 0 at the station itself. */
    public void injectFault(int connector, ChargePointErrorCode errorCode, String vendorErrorCode) {
        Connector c = connectorOrStation(connector);
        act("fault " + errorCode + " at connector " + connector, () -> station.statuses.faultAppears(c, errorCode, vendorErrorCode));
    }

    /** A hardware fault of the whole station: connector 0 and every connector report Faulted. */
    public void injectStationFault(ChargePointErrorCode errorCode, String vendorErrorCode) {
        act("fault " + errorCode + " of the whole station", () -> station.statuses.stationWideFault(errorCode, vendorErrorCode));
    }

    /**
     * The fault is repaired and normal operation restored (which also ends a stuck status, see
     * {@link Quirk}, and a lock blocked by {@link #failNextUnlock}; at connector 0 also a storage
     * broken by {@link #failLocalListStorage}).
     */
    public void clearFault(int connector) {
        Connector c = connectorOrStation(connector);
        act("clear the fault at connector " + connector, () -> station.statuses.faultCleared(c));
    }

    /** The network goes away under the station (the socket dies without a close handshake). */
    public void loseNetwork() {
        act("lose the network", station.connection::networkLost);
    }

    /** The network comes back; returns once the first connection attempt is decided. */
    public void regainNetwork() {
        loop.act("regain the network", station.connection::networkBack);
    }

    /**
     * Power off and on: transactions end with PowerLoss (sent after the boot, or before going down
     * with {@link SimulatorConfig#backupPower()}), the station boots again.
     */
    public void powerCycle() {
        loop.act("power cycle", station.boot::powerCycle);
    }

    /** The mains power goes and stays away until {@link #restorePower()} (see {@link #powerCycle()}). */
    public void cutPower() {
        loop.act("cut the power", station.boot::cutPower);
    }

    /** The mains power comes back: the station boots; returns once its first connection attempt is decided. */
    public void restorePower() {
        loop.act("restore the power", station.boot::restorePower);
    }

    /** Switches the station off for good; running transactions are kept as ended by PowerLoss in the state directory. */
    @Override
    public void close() {
        if (closed || loop.isShutdown()) {
            return;
        }
        try {
            act("switch off", () -> {
                closed = true;
                station.connection.closeForGood();
                if (station.connection.isPowered()) {
                    log.info("switched off");
                    station.boot.switchOff(Reason.PowerLoss, true, "switched off");
                }
            });
        } catch (RuntimeException e) {
            log.warn("switching off did not finish cleanly: {}", e.getMessage());
        } finally {
            loop.shutdown();
            transfers.shutdown();
            if (ownsStateDirectory) {
                deleteQuietly(stateDirectory);
            }
        }
    }

    /** Handles a text as if the central system had sent it: for tests of frames no central system would send. */
    void receive(String frame) {
        act("receive " + frame, () -> station.commands.received(frame));
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

    public Set<Variant> variants() {
        return config.variants();
    }

    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The status the connector is in now (connector 0: the station). */
    public ChargePointStatus status(int connector) {
        Connector c = connectorOrStation(connector);
        return loop.query(() -> c.status(station.stationFaulted()));
    }

    /** The id the central system assigned to the transaction running at the connector, once it has. */
    public Optional<Integer> transactionId(int connector) {
        Connector c = connector(connector);
        return loop.query(() -> Optional.ofNullable(c.transaction).map(tx -> tx.transactionId));
    }

    public boolean isConnected() {
        return loop.query(station.connection::isConnected);
    }

    public Optional<RegistrationStatus> registrationStatus() {
        return loop.query(() -> Optional.ofNullable(station.boot.registration()));
    }

    public String firmwareVersion() {
        return loop.query(station.firmware::version);
    }

    public FirmwareStatus firmwareStatus() {
        return loop.query(station.firmware::status);
    }

    public Optional<String> configuration(String key) {
        return loop.query(() -> station.configuration.get(key));
    }

    /** The security profile it connects with now (the SecurityProfile key). */
    public int securityProfile() {
        return loop.query(station.security::profile);
    }

    /** The meter register of the connector, in Wh. */
    public int meterWh(int connector) {
        Connector c = connector(connector);
        return loop.query(() -> c.meter.registerWh(station.now()));
    }

    /** Transaction messages waiting for delivery (offline queue, persisted). */
    public int queuedTransactionMessages() {
        return loop.query(() -> station.outbox.queuedTransactionMessages());
    }

    // ------------------------------------------------------------------ plumbing

    /** A change of the physical world that is done once it has run (what it sets off is awaited all the same). */
    private void act(String what, Runnable change) {
        loop.act(what, done(change));
    }

    private static Supplier<CompletionStage<?>> done(Runnable change) {
        return () -> {
            change.run();
            return CompletableFuture.completedFuture(null);
        };
    }

    private Connector connector(int id) {
        if (id < 1 || id > config.connectors()) {
            throw new IllegalArgumentException("connector " + id + " does not exist; this station has connectors 1 to "
                    + config.connectors());
        }
        return station.connectors[id];
    }

    private Connector connectorOrStation(int id) {
        return id == 0 ? station.connectors[0] : connector(id);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind harms no one
        }
    }
}
