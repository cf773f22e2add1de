package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of the central system: who may connect, and handing frames to sessions.
 * Everything OCPP lives in {@link StationSession}.
 */
final class OcppServer extends WebSocketServer {

    static final String SUBPROTOCOL = "ocpp1.6";

    private static final Logger LOG = LoggerFactory.getLogger(OcppServer.class);

    /** What the server asks of its owner for each connection. */
    interface Stations {
        /** Why this station may not connect now, or null if it may. */
        String refusalFor(String chargePointId);

        StationSession opened(String chargePointId, WebSocket socket);

        void closed(StationSession session, String why);

        Journal journal();
    }

    private final CentralSystemConfig config;
    private final Stations stations;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startFailure;

    OcppServer(CentralSystemConfig config, Stations stations) {
        // "" matches any offered subprotocol, so a client offering the wrong one reaches our
        // handshake hook and is refused there with a reason, instead of a silent 404 in the library.
        super(new InetSocketAddress(config.host(), config.port()),
                List.of(new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL), new Protocol("")),
                        config.maxFrameBytes())));
        this.config = config;
        this.stations = stations;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(60);
    }

    void startAndWait() throws InterruptedException {
        start();
        started.await();
        if (startFailure != null) {
            throw new IllegalStateException("the central system could not listen on " + config.host() + ":"
                    + config.port() + ": " + startFailure.getMessage(), startFailure);
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        String path = request.getResourceDescriptor();
        String chargePointId = chargePointIdOf(path);
        String from = String.valueOf(conn.getRemoteSocketAddress());
        if (chargePointId == null) {
            throw refuse(path == null ? "?" : path, from, "the path '" + path + "' is not " + config.pathPrefix()
                    + "/{chargePointId}");
        }
        String offered = request.getFieldValue("Sec-WebSocket-Protocol");
        boolean ocpp16 = draft instanceof Draft_6455 d && SUBPROTOCOL.equals(d.getProtocol().getProvidedProtocol());
        if (!ocpp16) {
            throw refuse(chargePointId, from, offered.isEmpty()
                    ? "it offered no WebSocket subprotocol; OCPP 1.6J needs 'ocpp1.6'"
                    : "it offered subprotocol '" + offered + "'; OCPP 1.6J needs 'ocpp1.6'");
        }
        if (config.securityProfile().usesBasicAuth()) {
            String problem = basicAuthProblem(chargePointId, request.getFieldValue("Authorization"));
            if (problem != null) {
                InvalidDataException refusal = refuse(chargePointId, from, problem);
                answerUnauthorized(conn);
                throw refusal;
            }
        }
        String refusal = stations.refusalFor(chargePointId);
        if (refusal != null) {
            throw refuse(chargePointId, from, refusal);
        }
        return builder;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String chargePointId = chargePointIdOf(handshake.getResourceDescriptor());
        conn.setAttachment(stations.opened(chargePointId, conn));
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        StationSession session = conn.getAttachment();
        if (session != null) {
            session.onText(message);
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        StationSession session = conn.getAttachment();
        if (session != null) {
            session.onBinary();
        }
    }

    /**
     * Called when this side starts a close. Java-WebSocket closes on its own when a frame is too
     * large (1009), is text but not UTF-8 (1007) or breaks RFC 6455 (1002), and tells no one but
     * this hook: the frame never reaches onMessage, and onClose may carry the code the station
     * echoed. So the journal and trace get the refused frame here, with why it was refused.
     */
    @Override
    public void onCloseInitiated(WebSocket conn, int code, String reason) {
        StationSession session = conn.getAttachment();
        if (session == null) {
            return;
        }
        String detail = reason == null || reason.isEmpty() ? "" : " (" + reason + ")";
        switch (code) {
            case CloseFrame.TOOBIG -> session.onRefusedFrame("<frame over " + config.maxFrameBytes() + " bytes, not read>",
                    "frame larger than the central system's limit of " + config.maxFrameBytes()
                            + " bytes (maxFrameBytes)" + detail + "; connection closed with 1009 (message too big)");
            case CloseFrame.NO_UTF8 -> session.onRefusedFrame("<text frame that is not UTF-8, not read>",
                    "text frame with invalid UTF-8" + detail
                            + "; connection closed with 1007 (invalid frame payload data), as RFC 6455 requires");
            case CloseFrame.PROTOCOL_ERROR -> session.onRefusedFrame("<frame that breaks RFC 6455, not read>",
                    "WebSocket protocol error" + detail + "; connection closed with 1002");
            default -> {
                // our own closes (going offline, a replaced connection) are journalled as disconnects
            }
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        StationSession session = conn.getAttachment();
        if (session != null) {
            String why = closeDescription(code, reason, remote);
            stations.closed(session, why);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn == null) {
            // Without a connection the error is the server's own: it could not bind or it died.
            startFailure = ex;
            started.countDown();
            LOG.error("central system socket error: {}", ex.toString());
        } else {
            StationSession session = conn.getAttachment();
            LOG.debug("connection error for {}: {}", session == null ? conn.getRemoteSocketAddress() : session.chargePointId(),
                    ex.toString());
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    /**
     * Hands every frame that is queued but has nobody to write it to the selector again. Java-WebSocket
     * 1.6.0 can strand one: a worker queues the frame and asks for write interest while the selector
     * thread, which after draining a queue sets the interest back to read only, is between those two
     * steps for the same connection. The selector gets there because it never removes a key that was
     * ready only for writing from its selected set, so that key's stale write readiness makes it run
     * its drain for the connection right after every read, at the moment the worker answers. The
     * frame then waits for the connection's next send; a charger waiting for the answer sends none.
     * The benchmark met it about once in two runs of 200 stations; the central system's timer calls
     * this every few milliseconds, which costs a look at each connection's queue.
     */
    void flushStalledWrites() {
        try {
            flushStalledWritesOnce();
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: keep the guard alive
            LOG.warn("checking for stalled writes failed: {}", e.toString());
        }
    }

    private void flushStalledWritesOnce() {
        for (WebSocket socket : getConnections()) {
            if (socket instanceof WebSocketImpl impl && !impl.outQueue.isEmpty()) {
                SelectionKey key = impl.getSelectionKey();
                try {
                    if (key != null && key.isValid() && (key.interestOps() & SelectionKey.OP_WRITE) == 0) {
                        LOG.debug("a queued frame to {} had no write pending; handing it to the selector again",
                                socket.getRemoteSocketAddress());
                        // what the library does for each send: write interest, and wake the selector
                        onWriteDemand(impl);
                    }
                } catch (CancelledKeyException e) {
                    // the connection is closing: nothing left to write to
                }
            }
        }
    }

    String chargePointIdOf(String path) {
        if (path == null) {
            return null;
        }
        String withoutQuery = path.split("\\?", 2)[0];
        String prefix = config.pathPrefix() + "/";
        if (!withoutQuery.startsWith(prefix)) {
            return null;
        }
        String id = URLDecoder.decode(withoutQuery.substring(prefix.length()), StandardCharsets.UTF_8);
        return id.isEmpty() || id.contains("/") ? null : id;
    }

    private String basicAuthProblem(String chargePointId, String header) {
        if (header == null || header.isEmpty()) {
            return "it sent no HTTP Basic credentials; security profile " + config.securityProfile().number()
                    + " needs user '" + chargePointId + "' and the AuthorizationKey";
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return "its Authorization header is not HTTP Basic";
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "its Basic credentials are not valid base64";
        }
        int colon = decoded.indexOf(':');
        String user = colon < 0 ? decoded : decoded.substring(0, colon);
        String password = colon < 0 ? "" : decoded.substring(colon + 1);
        if (!user.equals(chargePointId)) {
            return "its Basic auth user '" + user + "' is not its charge point id '" + chargePointId + "'";
        }
        if (!password.equals(config.authorizationKey())) {
            return "its Basic auth password is wrong (check the AuthorizationKey on the charger)";
        }
        return null;
    }

    /**
     * Java-WebSocket 1.6.0 answers every refused handshake with "404 WebSocket Upgrade Failure".
     * A charger with a wrong password should see 401, as OCPP's security profile 1 says, so the
     * status line is written ahead of the library's; the client reads the first one and closes.
     */
    private static void answerUnauthorized(WebSocket conn) {
        if (!(conn instanceof WebSocketImpl impl) || impl.getChannel() == null) {
            return;
        }
        byte[] response = ("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"OCPP\"\r\n"
                + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
            impl.getChannel().write(ByteBuffer.wrap(response));
        } catch (IOException e) {
            LOG.debug("could not send 401: {}", e.toString());
        }
    }

    private InvalidDataException refuse(String chargePointId, String from, String why) {
        String line = "refused connection of " + chargePointId + " from " + from + ": " + why;
        LOG.warn(line);
        stations.journal().recordEvent(chargePointId, Kind.REFUSED, line);
        return new InvalidDataException(CloseFrame.POLICY_VALIDATION, why);
    }

    private static String closeDescription(int code, String reason, boolean remote) {
        String side = remote ? "closed by the station" : "closed by the central system";
        String text = switch (code) {
            case CloseFrame.NORMAL -> "normal closure";
            case CloseFrame.GOING_AWAY -> "going away";
            case CloseFrame.ABNORMAL_CLOSE -> "connection lost without a close frame";
            case CloseFrame.TOOBIG -> "frame too large";
            case CloseFrame.NO_UTF8 -> "invalid UTF-8 in a text frame";
            case CloseFrame.PROTOCOL_ERROR -> "WebSocket protocol error";
            case CloseFrame.POLICY_VALIDATION -> "policy violation";
            default -> "code " + code;
        };
        return side + ", " + text + (reason == null || reason.isEmpty() ? "" : ": " + reason) + " (" + code + ")";
    }
}
