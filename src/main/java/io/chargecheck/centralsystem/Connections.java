package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Untrusted;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ByteChannel;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketServerFactory;
import org.java_websocket.drafts.Draft;
import org.java_websocket.enums.ReadyState;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every TCP connection the central system accepted, from accept to close, whether or not it ever
 * became a WebSocket: the one place that caps them (in total and per remote address), closes
 * those that do not complete their handshake in time, and hands the selector frames it stranded.
 * It is Java-WebSocket's {@link WebSocketServerFactory}, so it sees each connection before the
 * library reads a byte of it, and gives it our {@link ConnectionChannel}.
 */
final class Connections implements WebSocketServerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);
    /** Refusals for the cap are journalled at most this often per address; the rest are counted. */
    private static final long CAP_REPORT_INTERVAL_NANOS = 1_000_000_000L;

    /** Where a refused connection is reported: the log and the journal. */
    interface Refusals {
        void refused(String chargePointId, InetSocketAddress from, String why);
    }

    private record Tracked(WebSocketImpl socket, ConnectionChannel channel, AtomicBoolean released) {
    }

    private final CentralSystemConfig config;
    private final Listener listener;
    private final List<Draft> drafts;
    private final Refusals refusals;
    private final Map<ConnectionChannel, Tracked> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<InetAddress, long[]> capReports = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    Connections(CentralSystemConfig config, Listener listener, List<Draft> drafts, Refusals refusals) {
        this.config = config;
        this.listener = listener;
        this.drafts = List.copyOf(drafts);
        this.refusals = refusals;
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, Draft draft) {
        return new WebSocketImpl(adapter, draft);
    }

    @Override
    public WebSocketImpl createWebSocket(WebSocketAdapter adapter, List<Draft> ignored) {
        // ours, not the server's: a server built on a channel of ours has none of its own
        return new WebSocketImpl(adapter, drafts);
    }

    @Override
    public ByteChannel wrapChannel(SocketChannel channel, SelectionKey key) throws IOException {
        InetSocketAddress remote = (InetSocketAddress) channel.getRemoteAddress();
        InetAddress address = remote.getAddress();
        AtomicInteger fromAddress = perAddress.computeIfAbsent(address, a -> new AtomicInteger());
        int all = total.incrementAndGet();
        int mine = fromAddress.incrementAndGet();
        if (all > config.maxConnections() || mine > config.maxConnectionsPerAddress()) {
            total.decrementAndGet();
            fromAddress.decrementAndGet();
            String why = all > config.maxConnections()
                    ? "the central system already has " + config.maxConnections() + " connections (maxConnections)"
                    : address.getHostAddress() + " already has " + config.maxConnectionsPerAddress()
                            + " connections (maxConnectionsPerAddress)";
            reportCapRefusal(remote, why);
            throw new IOException("connection refused: " + why); // the library closes the socket
        }
        WebSocketImpl socket = (WebSocketImpl) key.attachment();
        AtomicBoolean released = new AtomicBoolean();
        ConnectionChannel[] self = new ConnectionChannel[1];
        Runnable onClose = () -> release(self[0], released);
        try {
            ConnectionChannel wrapped = listener.sslContext() == null
                    ? new PlainChannel(channel, onClose, this::refusedByLibrary)
                    : new TlsChannel(channel, serverEngine(), onClose, this::refusedByLibrary, this::tlsFailed);
            self[0] = wrapped;
            open.put(wrapped, new Tracked(socket, wrapped, released));
            return wrapped;
        } catch (IOException | RuntimeException e) {
            total.decrementAndGet();
            fromAddress.decrementAndGet();
            throw e instanceof IOException io ? io : new IOException("cannot set up the connection: " + e, e);
        }
    }

    private SSLEngine serverEngine() {
        SSLEngine engine = listener.sslContext().createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = listener.sslContext().getDefaultSSLParameters();
        parameters.setNeedClientAuth(listener.securityProfile() == SecurityProfile.MUTUAL_TLS);
        engine.setSSLParameters(parameters);
        return engine;
    }

    private void tlsFailed(TlsChannel channel, String why) {
        if (channel.secureHandshakeDone()) {
            LOG.debug("TLS connection from {} failed: {}", channel.remote, Untrusted.shown(why, Untrusted.EXCERPT));
            return; // a WebSocket that was open: its close is journalled as a disconnect
        }
        refusals.refused(null, channel.remote, "its TLS handshake failed: " + why);
    }

    private void release(ConnectionChannel channel, AtomicBoolean released) {
        if (channel == null || !released.compareAndSet(false, true)) {
            return;
        }
        open.remove(channel);
        total.decrementAndGet();
        if (channel.remote != null) {
            AtomicInteger count = perAddress.get(channel.remote.getAddress());
            if (count != null && count.decrementAndGet() <= 0) {
                perAddress.remove(channel.remote.getAddress(), count);
            }
        }
    }

    private void reportCapRefusal(InetSocketAddress remote, String why) {
        long now = System.nanoTime();
        long[] report = capReports.computeIfAbsent(remote.getAddress(), a -> new long[] {now - CAP_REPORT_INTERVAL_NANOS, 0});
        long suppressed;
        synchronized (report) {
            if (now - report[0] < CAP_REPORT_INTERVAL_NANOS) {
                report[1]++;
                return;
            }
            suppressed = report[1];
            report[0] = now;
            report[1] = 0;
        }
        refusals.refused(null, remote, why + (suppressed == 0 ? "" : " (and " + suppressed + " more refused for this since the last report)"));
    }

    /**
     * Java-WebSocket refused an upgrade our hook never saw: no draft matched the request. Why, from
     * what the peer sent; a wrong WebSocket version is answered 426 with the version we speak
     * (RFC 6455 section 4.4), the rest keep the library's 404.
     */
    private void refusedByLibrary(ConnectionChannel channel) {
        String request = channel.capturedText();
        int end = request.indexOf("\r\n\r\n");
        String head = end < 0 ? request : request.substring(0, end);
        String firstLine = head.lines().findFirst().orElse("");
        String version = header(head, "Sec-WebSocket-Version");
        String why;
        if (version != null && !version.equals("13")) {
            channel.answerWith(OcppServer.Answer.UPGRADE_REQUIRED.statusAndHeaders);
            why = "it asked for WebSocket version '" + Untrusted.shown(version) + "'; OCPP-J uses RFC 6455, version 13"
                    + " (answered 426 Upgrade Required)";
        } else if (header(head, "Upgrade") == null || header(head, "Sec-WebSocket-Key") == null) {
            why = "its request is no WebSocket upgrade (it needs Upgrade: websocket and a Sec-WebSocket-Key): "
                    + Untrusted.shown(firstLine, Untrusted.EXCERPT);
        } else {
            why = "the WebSocket library refused its upgrade request: " + Untrusted.shown(firstLine, Untrusted.EXCERPT);
        }
        String path = firstLine.startsWith("GET ") ? firstLine.substring(4).split(" ", 2)[0] : null;
        ChargePointIdentity identity = path == null ? null : ChargePointIdentity.fromPath(path, config.pathPrefix());
        refusals.refused(identity != null && identity.isValid() ? identity.id() : null, channel.remote, why);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return null;
    }

    /** The WebSocket connection of a channel of ours, for the handshake hook. */
    static ConnectionChannel channelOf(org.java_websocket.WebSocket socket) {
        return socket instanceof WebSocketImpl impl && impl.getChannel() instanceof ConnectionChannel channel ? channel : null;
    }

    int count() {
        return total.get();
    }

    /**
     * The periodic look at every connection: a handshake that is late is refused and closed; a
     * connection closed behind our back (the library closes some sockets directly) is forgotten; a
     * frame or TLS record that waits with no write pending is handed to the selector again (see
     * {@link #flushStalledWrite}).
     */
    void sweep() {
        long now = System.nanoTime();
        long timeout = config.handshakeTimeout().toNanos();
        for (Tracked tracked : open.values()) {
            try {
                sweep(tracked, now, timeout);
            } catch (CancelledKeyException e) {
                // closing: nothing to do for it
            } catch (RuntimeException e) {
                LOG.warn("checking the connection from {} failed: {}", tracked.channel.remote, e.toString());
            }
        }
    }

    private void sweep(Tracked tracked, long now, long timeout) {
        ConnectionChannel channel = tracked.channel;
        if (!channel.isOpen()) {
            release(channel, tracked.released);
            return;
        }
        WebSocketImpl socket = tracked.socket;
        if (socket.getReadyState() == ReadyState.NOT_YET_CONNECTED && now - channel.acceptedNanos > timeout) {
            String why = lateHandshake(channel, config.handshakeTimeout());
            if (!channel.isRefusalReported()) {
                refusals.refused(null, channel.remote, why);
            }
            socket.closeConnection(CloseFrame.ABNORMAL_CLOSE, why);
            release(channel, tracked.released);
            return;
        }
        flushStalledWrite(socket, channel);
    }

    /**
     * Hands every frame that is queued but has nobody to write it to the selector again. Java-WebSocket
     * 1.6.0 can strand one: a worker queues the frame and asks for write interest while the selector
     * thread, which after draining a queue sets the interest back to read only, is between those two
     * steps for the same connection. The selector gets there because it never removes a key that was
     * ready only for writing from its selected set, so that key's stale write readiness makes it run
     * its drain for the connection right after every read, at the moment the worker answers. The
     * frame then waits for the connection's next send; a charger waiting for the answer sends none.
     * The benchmark met it about once in two runs of 200 stations; {@link #sweep} does this every few
     * milliseconds, which costs a look at each connection's queue. Our TLS channel can hold a record
     * back the same way (the library asks it for more writing only when its own queue is empty).
     */
    private static void flushStalledWrite(WebSocketImpl socket, ConnectionChannel channel) {
        SelectionKey key = socket.getSelectionKey();
        if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0
                && (!socket.outQueue.isEmpty() || channel.isNeedWrite())
                && socket.getWebSocketListener() instanceof WebSocketServer server) {
            LOG.debug("a queued frame to {} had no write pending; handing it to the selector again", channel.remote);
            server.onWriteDemand(socket); // what the library does for each send: write interest, wake the selector
        }
    }

    static String lateHandshake(ConnectionChannel channel, Duration timeout) {
        String within = " within " + seconds(timeout);
        if (channel instanceof TlsChannel tls && !tls.secureHandshakeDone()) {
            return tls.sentAnything()
                    ? "its TLS handshake did not complete" + within + "; connection closed"
                    : "it opened a TLS connection and sent no ClientHello" + within + "; connection closed";
        }
        String sent = channel.capturedText();
        if (sent.isEmpty()) {
            return "it connected and sent nothing" + within + " (no WebSocket upgrade request); connection closed";
        }
        if (!sent.contains("\r\n\r\n")) {
            return "it sent only part of an HTTP upgrade request" + within + " (" + channel.bytesReceived()
                    + " bytes, no blank line ending the headers): " + Untrusted.shown(sent, Untrusted.EXCERPT)
                    + "; connection closed";
        }
        return "its WebSocket handshake did not complete" + within + "; connection closed";
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    @Override
    public void close() {
        // the library calls this when a server stops; connections of a restarted listener live on
    }
}
