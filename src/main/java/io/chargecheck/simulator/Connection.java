package io.chargecheck.simulator;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.java_websocket.framing.CloseFrame;

/**
 * The station's WebSocket connection to the central system: connecting while powered and the
 * network is up, reconnecting with a doubling back-off, losing and regaining the network. What
 * happens once a connection is open (boot or not) is {@link Boot}'s business.
 */
final class Connection {

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;

    private Link link;
    private boolean connected;
    private boolean networkUp = true;
    private boolean powered;
    private boolean closed;
    private CompletableFuture<Void> attempt = CompletableFuture.completedFuture(null);
    private Duration backOff;
    private ScheduledFuture<?> reconnectTimer;
    private int failedAttempts;

    Connection(Station station) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.backOff = config.reconnectMin();
    }

    boolean isConnected() {
        return connected;
    }

    boolean isPowered() {
        return powered;
    }

    boolean isClosed() {
        return closed;
    }

    /** Power comes on; completes once the first connection attempt is decided. */
    CompletableFuture<Void> powerOn() {
        powered = true;
        return connect();
    }

    /** Power goes; the connection is dropped first (see {@link #drop}). */
    void powerOff() {
        powered = false;
        EventLoop.cancel(reconnectTimer);
    }

    /** Switched off for good: no connection attempt any more. */
    void closeForGood() {
        closed = true;
    }

    CompletableFuture<Void> connect() {
        EventLoop.cancel(reconnectTimer);
        if (!powered || !networkUp || closed) {
            return CompletableFuture.completedFuture(null);
        }
        if (link != null) {
            return attempt;
        }
        attempt = new CompletableFuture<>();
        java.net.URI endpoint = station.security.endpoint();
        if (failedAttempts == 0) {
            log.info("connecting to {} (security profile {})", endpoint, station.security.profile());
        }
        link = new Link(endpoint, config.chargePointId(), station.security.basicAuthPassword(), station.security.tlsContext(),
                station.configuration.intValue(ConfigurationStore.WEB_SOCKET_PING_INTERVAL), new LinkEvents(), log);
        station.security.prepare(link);
        link.connect();
        return attempt;
    }

    /** Java-WebSocket's callbacks, handed to the event loop; events of a link that is no longer current are ignored. */
    private final class LinkEvents implements Link.Listener {
        @Override
        public void opened(Link l) {
            station.execute(() -> {
                if (l == link) {
                    linkOpened();
                } else {
                    l.close();
                }
            });
        }

        @Override
        public void message(Link l, String text) {
            station.execute(() -> {
                if (l == link) {
                    station.commands.received(text);
                }
            });
        }

        @Override
        public void closed(Link l, int code, String reason, boolean remote) {
            station.execute(() -> {
                if (l == link) {
                    link = null;
                    String why = l.failure() != null && !connected ? l.failure() : describeClose(code, reason);
                    linkLost(why);
                    if (powered && networkUp && !closed) {
                        reconnectTimer = station.schedule(Connection.this::connect, backOff);
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
        log.info("connected to {}", station.security.endpoint());
        CompletableFuture<Void> current = attempt;
        station.boot.connectionOpened().whenComplete((ok, error) -> current.complete(null));
    }

    private void linkLost(String why) {
        boolean wasConnected = connected;
        connected = false;
        station.outbox.state(false, false);
        if (wasConnected) {
            log.info("connection to the central system closed ({})", why);
        } else {
            failedAttempts++;
            if (failedAttempts == 1 || failedAttempts % 10 == 0) {
                log.info("could not connect to {} ({}){}", station.security.endpoint(), why,
                        failedAttempts > 1 ? ", " + failedAttempts + " attempts so far" : "");
            }
        }
        attempt.complete(null);
    }

    /**
     * Ends the current connection from this side (closed with a handshake when graceful, dropped as
     * by a power cut when not; a dropped connection may lose what was still being written); its own
     * close event is then ignored.
     */
    void drop(boolean graceful, String why) {
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

    /** Writes one frame; false when there is no open connection. */
    boolean write(String frame) {
        return link != null && connected && link.write(frame);
    }

    void networkLost() {
        if (!networkUp) {
            return;
        }
        networkUp = false;
        EventLoop.cancel(reconnectTimer);
        log.info("network lost");
        drop(false, "network lost");
    }

    CompletableFuture<Void> networkBack() {
        if (networkUp) {
            return CompletableFuture.completedFuture(null);
        }
        networkUp = true;
        backOff = config.reconnectMin();
        failedAttempts = 0;
        log.info("network back");
        return connect();
    }
}
