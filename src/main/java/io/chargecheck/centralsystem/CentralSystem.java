package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.Untrusted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    /**
     * How often every connection is looked at ({@link Connections#sweep}): so long at most a frame
     * stranded by Java-WebSocket waits (see {@link Connections#flushStalledWrite}), and so late at most a
     * handshake timeout or a dead listener is noticed.
     */
    private static final long SWEEP_MILLIS = 20;
    /** Between attempts to listen again while the port cannot be had (out of descriptors, say). */
    private static final long RELISTEN_RETRY_MILLIS = 200;

    private final CentralSystemConfig config;
    private final Clock clock;
    private final Journal journal;
    private final TraceWriter trace;
    private final Responders responders;
    private final ScheduledExecutorService timer;
    private final Map<String, StationSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> offlineUntil = new ConcurrentHashMap<>();
    /** What each station said before, for the rules that depend on it; kept across its reconnects. */
    private final Map<String, StationRules> rules = new ConcurrentHashMap<>();
    private final Connections connections;
    private final Stations stations = new Stations();
    private volatile OcppServer server;
    private volatile int boundPort;
    private volatile boolean closing;
    private final Object listening = new Object();
    /** The server being replaced, while it is; null otherwise. */
    private final AtomicReference<OcppServer> relistening =
            new AtomicReference<>();
    private final List<OcppServer> retired = new CopyOnWriteArrayList<>();
    /** The servers of the other security profiles' ports, started with the main one; not listened again if they die. */
    private final Map<SecurityProfile, OcppServer> others = new ConcurrentHashMap<>();
    /** Basic auth passwords a station may use besides the run's: a new AuthorizationKey it was given. */
    private final Map<String, Set<String>> passwords = new ConcurrentHashMap<>();

    private CentralSystem(CentralSystemConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.trace = config.traceFile() == null ? null : new TraceWriter(config.traceFile());
        this.journal = new Journal(trace, clock, config.journalMemoryBytes());
        this.responders = Responders.defaults(config, clock);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "central-system-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.connections = new Connections(config, config.mainListener(), OcppServer.drafts(config), stations::refused);
    }

    private OcppServer newServer(int port) {
        return newServer(port, config.securityProfile(), connections);
    }

    private OcppServer newServer(int port, SecurityProfile profile, Connections connectionsOfPort) {
        ServerSocketChannel listener;
        try {
            listener = ServerSocketChannel.open();
            listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listener.bind(new InetSocketAddress(config.host(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("the central system could not listen on " + config.host() + ":" + port
                    + ": " + e.getMessage(), e);
        }
        return new OcppServer(listener, config, profile, stations, connectionsOfPort);
    }

    /** Starts the listeners of the other security profiles, each with connections of its own kind. */
    private void startOtherListeners() throws InterruptedException {
        for (Listener other : config.otherListeners()) {
            Connections ofPort = new Connections(config, other, OcppServer.drafts(config), stations::refused);
            OcppServer server = newServer(other.port(), other.securityProfile(), ofPort);
            others.put(other.securityProfile(), server);
            server.startAndWait();
            LOG.info("central system listening for security profile {} at {}/{chargePointId}", other.securityProfile().number(),
                    urlFor(other.securityProfile()).orElseThrow());
        }
    }

    /** Starts listening; returns once the port is bound, so {@link #port()} is the real one. */
    public static CentralSystem start(CentralSystemConfig config) {
        CentralSystem centralSystem = new CentralSystem(config, Clock.systemUTC());
        OcppServer server;
        try {
            server = centralSystem.newServer(config.port());
            server.startAndWait();
            try {
                centralSystem.startOtherListeners();
            } catch (RuntimeException | InterruptedException e) {
                server.stop(100, "central system could not start");
                centralSystem.others.values().forEach(other -> centralSystem.stopQuietly(other));
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the central system", e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e.getCause());
        }
        centralSystem.server = server;
        centralSystem.boundPort = server.getPort();
        centralSystem.timer.scheduleWithFixedDelay(centralSystem::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("central system listening at {}/{chargePointId}", centralSystem.url());
        return centralSystem;
    }

    public CentralSystemConfig config() {
        return config;
    }

    public int port() {
        return boundPort;
    }

    /** Whether new connections are accepted now. */
    public boolean isListening() {
        return server.isListening();
    }

    /** The listening server, for tests that break it on purpose. */
    OcppServer server() {
        return server;
    }

    /** Connections accepted and not yet closed, WebSocket or not yet. */
    int connectionCount() {
        return connections.count();
    }

    private void sweep() {
        try {
            connections.sweep();
            OcppServer current = server;
            if (!closing && !current.isListening() && relistening.compareAndSet(null, current)) {
                listenAgain(current, "its listening socket is closed", 0);
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the guard alive
            LOG.warn("checking the connections failed: {}", e.toString());
        }
    }


    /**
     * The server's loop stopped or its listening socket closed (Java-WebSocket closes it for good when
     * accept fails, as it does out of file descriptors): say so, and listen again on the same port,
     * retrying while the port cannot be had. Connections of the old server that still run go on.
     */
    private void listenAgain(OcppServer failed, String why, int attempt) {
        synchronized (listening) {
            if (closing || server != failed) {
                relistening.compareAndSet(failed, null);
                return;
            }
            if (attempt == 0) {
                String line = "the central system stopped listening on port " + boundPort + " (" + why + "); listening again";
                LOG.error(line);
                journal.recordEvent(null, Kind.LISTENER, line);
            }
            OcppServer replacement;
            try {
                replacement = newServer(boundPort);
                replacement.startAndWait();
            } catch (RuntimeException e) {
                if (attempt % 50 == 0) { // once, then every ten seconds while the port cannot be had
                    LOG.error("listening again on port {} failed: {}; trying again every {} ms", boundPort,
                            e.getMessage(), RELISTEN_RETRY_MILLIS);
                }
                timer.schedule(() -> listenAgain(failed, why, attempt + 1), RELISTEN_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            retired.add(failed); // its connections, if its loop still runs, go on until they close
            server = replacement;
            relistening.set(null);
            String back = "the central system listens again on port " + boundPort;
            LOG.info(back);
            journal.recordEvent(null, Kind.LISTENER, back);
        }
    }

    /** The URL without the charge point id, e.g. {@code ws://127.0.0.1:8887/ocpp}. */
    public String url() {
        return urlFor(config.host());
    }

    /** The URL as a charger on the network must be given it, with this machine's address for host. */
    public String urlFor(String host) {
        return urlFor(host, config.securityProfile(), port());
    }

    private String urlFor(String host, SecurityProfile profile, int port) {
        String scheme = profile.usesTls() ? "wss" : "ws";
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return scheme + "://" + shownHost + ":" + port + config.pathPrefix();
    }

    /** The security profiles it listens for: its main one and those of {@link CentralSystemConfig#otherListeners()}. */
    public Set<SecurityProfile> securityProfiles() {
        Set<SecurityProfile> profiles = java.util.EnumSet.of(config.securityProfile());
        profiles.addAll(others.keySet());
        return profiles;
    }

    /** The URL (without the charge point id) of the port for this security profile; empty when it has none. */
    public Optional<String> urlFor(SecurityProfile profile) {
        if (profile == config.securityProfile()) {
            return Optional.of(url());
        }
        OcppServer server = others.get(profile);
        return server == null ? Optional.empty() : Optional.of(urlFor(config.host(), profile, server.getPort()));
    }

    /**
     * The station may from now on also authenticate with this Basic auth password: the new
     * AuthorizationKey it is being given (TC_073_CS). The run's password stays accepted, so a
     * station that keeps using it still connects, and the case sees which one it used.
     */
    public void acceptPassword(String chargePointId, String password) {
        passwords.computeIfAbsent(chargePointId, id -> ConcurrentHashMap.newKeySet()).add(password);
    }

    public Journal journal() {
        return journal;
    }

    /** Returns once every entry journalled so far is in the trace file (at once without a trace). */
    public void flushTrace() {
        if (trace != null) {
            trace.awaitWritten(journal.mark());
        }
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

    private void stopQuietly(OcppServer other) {
        try {
            other.stop(100, "central system could not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            for (OcppServer old : retired) {
                old.stop(100, "central system shutting down");
            }
            for (OcppServer other : others.values()) {
                other.stop(100, "central system shutting down");
            }
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
            Set<String> expected = config.expectedChargePointIds();
            if (!expected.isEmpty() && !expected.contains(chargePointId)) {
                String which = expected.size() == 1 ? "charge point '" + expected.iterator().next() + "'"
                        : "charge points " + String.join(", ", new TreeSet<>(expected));
                return "this run certifies " + which
                        + "; set the charger's id, or the setting chargecheck.chargePointId, so they match";
            }
            return isOfflineFor(chargePointId) ? "the central system is offline on purpose for this test" : null;
        }

        @Override
        public boolean acceptsPassword(String chargePointId, String password) {
            return password.equals(config.authorizationKey())
                    || passwords.getOrDefault(chargePointId, Set.of()).contains(password);
        }

        @Override
        public StationSession opened(String chargePointId, WebSocket socket, ConnectionDetails details) {
            StationSession session = new StationSession(chargePointId, socket, journal, responders, timer,
                    config.callTimeout(), rules.computeIfAbsent(chargePointId, id -> new StationRules()), details);
            StationSession previous = sessions.put(chargePointId, session);
            journal.recordEvent(chargePointId, Kind.CONNECTED, "connected from " + socket.getRemoteSocketAddress()
                    + " with subprotocol " + OcppServer.SUBPROTOCOL + " over " + Untrusted.shown(details.describe()));
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
        public void refused(String chargePointId, InetSocketAddress from, String why) {
            String line = "refused connection" + (chargePointId == null ? "" : " of " + chargePointId) + " from " + from
                    + ": " + why;
            LOG.warn(line);
            journal.recordEvent(chargePointId, Kind.REFUSED, line);
        }

        @Override
        public void listenerFailed(OcppServer failed, Exception cause) {
            String why = "its loop stopped: " + Untrusted.shown(cause.toString(), Untrusted.EXCERPT);
            if (relistening.compareAndSet(null, failed)) {
                timer.execute(() -> listenAgain(failed, why, 0));
            } else if (relistening.get() == failed) {
                // the sweep saw the closed socket first: the cause is still what the operator needs to know
                String line = "the central system's listener on port " + boundPort + " stopped because " + why;
                LOG.error(line);
                journal.recordEvent(null, Kind.LISTENER, line);
            }
        }
    }
}
