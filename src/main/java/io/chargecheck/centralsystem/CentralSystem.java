package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded OCPP 1.6J central system that chargers under test connect to, at
 * {@code ws[s]://host:port/<prefix>/<chargePointId>}. One session per charge point: a station that
 * reconnects replaces its old session.
 */
public final class CentralSystem implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralSystem.class);
    /** How long a frame stranded by Java-WebSocket can wait at most; see {@link OcppServer#flushStalledWrites}. */
    private static final long STALLED_WRITE_CHECK_MILLIS = 5;

    private final CentralSystemConfig config;
    private final Clock clock;
    private final Journal journal;
    private final TraceWriter trace;
    private final Responders responders;
    private final ScheduledExecutorService timer;
    private final Map<String, StationSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> offlineUntil = new ConcurrentHashMap<>();
    private final OcppServer server;

    private CentralSystem(CentralSystemConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.trace = config.traceFile() == null ? null : new TraceWriter(config.traceFile());
        this.journal = new Journal(trace, clock);
        this.responders = Responders.defaults(config, clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "central-system-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.server = new OcppServer(config, new Stations());
        if (config.sslContext() != null) {
            server.setWebSocketFactory(TlsSupport.serverFactory(config));
        }
    }

    /** Starts listening; returns once the port is bound, so {@link #port()} is the real one. */
    public static CentralSystem start(CentralSystemConfig config) {
        CentralSystem centralSystem = new CentralSystem(config, Clock.systemUTC());
        try {
            centralSystem.server.startAndWait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the central system", e);
        }
        centralSystem.timer.scheduleWithFixedDelay(centralSystem.server::flushStalledWrites,
                STALLED_WRITE_CHECK_MILLIS, STALLED_WRITE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("central system listening at {}/{chargePointId}", centralSystem.url());
        return centralSystem;
    }

    public CentralSystemConfig config() {
        return config;
    }

    public int port() {
        return server.getPort();
    }

    /** The URL without the charge point id, e.g. {@code ws://127.0.0.1:8887/ocpp}. */
    public String url() {
        return urlFor(config.host());
    }

    /** The URL as a charger on the network must be given it, with this machine's address for host. */
    public String urlFor(String host) {
        String scheme = config.securityProfile().usesTls() ? "wss" : "ws";
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + shownHost + ":" + port() + config.pathPrefix();
    }

    public Journal journal() {
        return journal;
    }

    public Responders responders() {
        return responders;
    }

    public Optional<StationSession> session(String chargePointId) {
        return Optional.ofNullable(sessions.get(chargePointId)).filter(StationSession::isOpen);
    }

    public Collection<StationSession> sessions() {
        return sessions.values().stream().filter(StationSession::isOpen).toList();
    }

    /** Waits for the station to be connected, for at most the given time. */
    public StationSession awaitSession(String chargePointId, Duration timeout) {
        try {
            return Awaitility.await("connection of " + chargePointId)
                    .pollInSameThread()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> session(chargePointId), Optional::isPresent)
                    .orElseThrow();
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(chargePointId + " did not connect within " + timeout.toSeconds() + " s", e);
        }
    }

    /**
     * Acts as if the central system went down for this station: its connection is dropped and
     * its reconnects are refused for the given time, or until {@link #comeBackOnline}.
     */
    public void goOffline(String chargePointId, Duration duration) {
        offlineUntil.put(chargePointId, clock.instant().plus(duration));
        LOG.info("central system offline for {} for up to {} s", chargePointId, duration.toSeconds());
        StationSession session = sessions.get(chargePointId);
        if (session != null) {
            session.close(CloseFrame.GOING_AWAY, "central system going offline");
        }
    }

    public void comeBackOnline(String chargePointId) {
        if (offlineUntil.remove(chargePointId) != null) {
            LOG.info("central system back online for {}", chargePointId);
        }
    }

    public boolean isOfflineFor(String chargePointId) {
        Instant until = offlineUntil.get(chargePointId);
        if (until != null && !clock.instant().isBefore(until)) {
            offlineUntil.remove(chargePointId, until);
            return false;
        }
        return until != null;
    }

    @Override
    public void close() {
        try {
            server.stop(1000, "central system shutting down");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        timer.shutdownNow();
        if (trace != null) {
            trace.close();
        }
    }

    private final class Stations implements OcppServer.Stations {

        @Override
        public String refusalFor(String chargePointId) {
            if (config.expectedChargePointId() != null && !config.expectedChargePointId().equals(chargePointId)) {
                return "this run certifies charge point '" + config.expectedChargePointId()
                        + "'; set the charger's id, or the setting chargecheck.chargePointId, so they match";
            }
            return isOfflineFor(chargePointId) ? "the central system is offline on purpose for this test" : null;
        }

        @Override
        public StationSession opened(String chargePointId, WebSocket socket) {
            StationSession session = new StationSession(chargePointId, socket, journal, responders, timer,
                    config.callTimeout());
            StationSession previous = sessions.put(chargePointId, session);
            journal.recordEvent(chargePointId, Kind.CONNECTED, "connected from " + socket.getRemoteSocketAddress()
                    + " with subprotocol " + OcppServer.SUBPROTOCOL);
            LOG.info("{} connected from {}", chargePointId, socket.getRemoteSocketAddress());
            if (previous != null && previous.isOpen()) {
                LOG.info("{} reconnected: its previous connection is closed", chargePointId);
                previous.close(CloseFrame.POLICY_VALIDATION, "replaced by a new connection of the same charge point");
            }
            return session;
        }

        @Override
        public void closed(StationSession session, String why) {
            sessions.remove(session.chargePointId(), session);
            session.onClosed(why);
            journal.recordEvent(session.chargePointId(), Kind.DISCONNECTED, why);
            LOG.info("{} disconnected: {}", session.chargePointId(), why);
        }

        @Override
        public Journal journal() {
            return journal;
        }
    }
}
