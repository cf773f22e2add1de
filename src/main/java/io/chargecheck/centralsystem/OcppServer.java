package io.chargecheck.centralsystem;

import io.chargecheck.ocpp.Untrusted;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.java_websocket.WebSocket;
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
 * Everything OCPP lives in {@link StationSession}; every accepted connection, WebSocket or not
 * yet, in {@link Connections}. It listens on a channel the central system bound, so that a
 * listener that died can be replaced by a new server on the same port.
 */
final class OcppServer extends WebSocketServer {

    static final String SUBPROTOCOL = "ocpp1.6";

    private static final Logger LOG = LoggerFactory.getLogger(OcppServer.class);

    /** What the server asks of its owner for each connection. */
    interface Stations {
        /** Why this station may not connect now, or null if it may. */
        String refusalFor(String chargePointId);

        StationSession opened(String chargePointId, WebSocket socket, ConnectionDetails details);

        /** Whether this is a Basic auth password the station may use: the run's, or one it was given since. */
        boolean acceptsPassword(String chargePointId, String password);

        void closed(StationSession session, String why);

        /** A connection refused before it became a session: the log and the journal. */
        void refused(String chargePointId, InetSocketAddress from, String why);

        /** The server's loop stopped after it had started; the owner listens again. */
        void listenerFailed(OcppServer server, Exception cause);
    }

    private final CentralSystemConfig config;
    private final SecurityProfile profile;
    private final Stations stations;
    private final ServerSocketChannel listener;
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile boolean running;
    private volatile Exception startFailure;
    private volatile Thread selectorThread;

    OcppServer(ServerSocketChannel listener, CentralSystemConfig config, SecurityProfile profile, Stations stations,
               Connections connections) {
        super(listener);
        this.listener = listener;
        this.config = config;
        this.profile = profile;
        this.stations = stations;
        setWebSocketFactory(connections);
        setReuseAddr(true);
        // an answer is one small frame: Nagle's algorithm would hold it until the station's delayed ACK, up to 40 ms
        setTcpNoDelay(true);
        setDaemon(true);
        setConnectionLostTimeout(60);
    }

    /**
     * The one WebSocket draft every connection gets. "" matches any offered subprotocol, so a client
     * offering the wrong one reaches our handshake hook and is refused there with a reason, instead
     * of a silent 404 in the library.
     */
    static List<Draft> drafts(CentralSystemConfig config) {
        return List.of(new MaskedFramesDraft(List.of(), List.of(new Protocol(SUBPROTOCOL), new Protocol("")),
                config.maxFrameBytes()));
    }

    void startAndWait() throws InterruptedException {
        start();
        started.await();
        if (startFailure != null) {
            throw new IllegalStateException("the central system could not listen on " + config.host() + ":"
                    + config.port() + ": " + startFailure.getMessage(), startFailure);
        }
        running = true;
    }

    /** Run on the selector thread before each accept; a test's way to make the loop fail as it does in the field. */
    volatile Runnable acceptFault;

    @Override
    protected boolean onConnect(SelectionKey key) {
        Runnable fault = acceptFault;
        if (fault != null) {
            fault.run();
        }
        return true;
    }

    /** The listening socket, for a test that closes it the way the library does when accept fails. */
    ServerSocketChannel listener() {
        return listener;
    }

    /** Whether it still accepts connections: its loop runs and its listening socket is open. */
    boolean isListening() {
        return running && listener.isOpen();
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
                                                                       ClientHandshake request)
            throws InvalidDataException {
        ServerHandshakeBuilder builder = super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
        try {
            checkHandshake(conn, draft, request);
        } catch (RuntimeException e) {
            // our bug must not become the library's 500 with a stack trace, nor a connection nobody hears of
            LOG.error("checking the handshake from {} failed: {}", conn.getRemoteSocketAddress(), e.toString());
            throw refuse(conn, null, Answer.SERVER_ERROR, "the central system failed while checking it: " + e);
        }
        return builder;
    }

    private void checkHandshake(WebSocket conn, Draft draft, ClientHandshake request) throws InvalidDataException {
        ChargePointIdentity identity = ChargePointIdentity.fromPath(request.getResourceDescriptor(), config.pathPrefix());
        if (!identity.isValid()) {
            throw refuse(conn, null, identity.httpStatus() == 400 ? Answer.BAD_REQUEST : Answer.NOT_FOUND,
                    identity.refusal());
        }
        String chargePointId = identity.id();
        String offered = request.getFieldValue("Sec-WebSocket-Protocol");
        boolean ocpp16 = draft instanceof Draft_6455 d && SUBPROTOCOL.equals(d.getProtocol().getProvidedProtocol());
        if (!ocpp16) {
            throw refuse(conn, chargePointId, Answer.NOT_FOUND, offered.isEmpty()
                    ? "it offered no WebSocket subprotocol; OCPP 1.6J needs 'ocpp1.6'"
                    : "it offered subprotocol '" + Untrusted.shown(offered) + "'; OCPP 1.6J needs 'ocpp1.6'");
        }
        if (profile.usesBasicAuth()) {
            String problem = basicAuthProblem(chargePointId, request.getFieldValue("Authorization"));
            if (problem != null) {
                throw refuse(conn, chargePointId, Answer.UNAUTHORIZED, problem);
            }
        }
        String refusal = stations.refusalFor(chargePointId);
        if (refusal != null) {
            throw refuse(conn, chargePointId, Answer.NOT_FOUND, refusal);
        }
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String chargePointId = ChargePointIdentity.fromPath(handshake.getResourceDescriptor(), config.pathPrefix()).id();
        ConnectionChannel channel = Connections.channelOf(conn);
        if (channel != null) {
            channel.opened();
        }
        conn.setAttachment(stations.opened(chargePointId, conn, details(conn, handshake, channel)));
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
            // Without a connection the error is the server's own: it could not start, or its loop died.
            if (started.getCount() > 0) {
                startFailure = ex;
                started.countDown();
            } else if (running) {
                running = false;
                if (Thread.currentThread() == selectorThread) {
                    // Java-WebSocket 1.6.0's handleFatal calls stop(), which joins the selector thread, on the
                    // selector thread itself: without an interrupt that join never returns, and the port stays
                    // bound for good. Interrupted, the join throws, and the loop's shutdown closes the port.
                    Thread.currentThread().interrupt();
                }
                stations.listenerFailed(this, ex);
            }
        } else {
            StationSession session = conn.getAttachment();
            LOG.debug("connection error for {}: {}", session == null ? conn.getRemoteSocketAddress() : session.chargePointId(),
                    ex.toString());
        }
    }

    @Override
    public void onStart() {
        selectorThread = Thread.currentThread();
        started.countDown();
    }

    private String basicAuthProblem(String chargePointId, String header) {
        if (header == null || header.isEmpty()) {
            return "it sent no HTTP Basic credentials; security profile " + profile.number()
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
        if (!stations.acceptsPassword(chargePointId, password)) {
            return "its Basic auth password is wrong (check the AuthorizationKey on the charger)";
        }
        return null;
    }

    /** How the connection was made: this port's profile, the Basic credentials it showed, its TLS. */
    private ConnectionDetails details(WebSocket conn, ClientHandshake handshake, ConnectionChannel channel) {
        String user = null;
        String password = null;
        String header = handshake.getFieldValue("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                user = colon < 0 ? decoded : decoded.substring(0, colon);
                password = colon < 0 ? "" : decoded.substring(colon + 1);
            } catch (IllegalArgumentException e) {
                // not base64: a profile without Basic auth does not care, one with it refused the connection already
            }
        }
        ConnectionDetails.Tls tls = null;
        if (channel instanceof TlsChannel secure) {
            javax.net.ssl.SSLSession session = secure.getSSLEngine().getSession();
            List<java.security.cert.X509Certificate> clientCertificates = new java.util.ArrayList<>();
            try {
                for (java.security.cert.Certificate certificate : session.getPeerCertificates()) {
                    if (certificate instanceof java.security.cert.X509Certificate x509) {
                        clientCertificates.add(x509);
                    }
                }
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                // no client certificate: profile 2
            }
            tls = new ConnectionDetails.Tls(session.getProtocol(), session.getCipherSuite(), secure.offeredCipherSuites(),
                    clientCertificates);
        }
        return new ConnectionDetails(profile, conn.getRemoteSocketAddress(), user, password, tls);
    }

    /** The HTTP answers of a refused upgrade; Java-WebSocket 1.6.0 itself knows only 404 and 500. */
    enum Answer {
        NOT_FOUND(null),
        BAD_REQUEST("HTTP/1.1 400 Bad Request\r\n"),
        UNAUTHORIZED("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"OCPP\"\r\n"),
        UPGRADE_REQUIRED("HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n"),
        SERVER_ERROR("HTTP/1.1 500 Internal Server Error\r\n");

        final String statusAndHeaders;

        Answer(String statusAndHeaders) {
            this.statusAndHeaders = statusAndHeaders;
        }
    }

    /**
     * Journals and logs the refusal, and has the connection answer it with the status it deserves
     * instead of the library's 404, which the library then writes (and our channel replaces).
     */
    private InvalidDataException refuse(WebSocket conn, String chargePointId, Answer answer, String why) {
        ConnectionChannel channel = Connections.channelOf(conn);
        if (channel != null && answer.statusAndHeaders != null) {
            channel.answerWith(answer.statusAndHeaders);
        }
        if (channel != null) {
            channel.markRefusalReported();
        }
        stations.refused(chargePointId, conn.getRemoteSocketAddress(), why);
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
        // the reason is the station's own words when it closed: shown, as everything it sends
        return side + ", " + text + (reason == null || reason.isEmpty() ? "" : ": " + Untrusted.shown(reason, Untrusted.EXCERPT))
                + " (" + code + ")";
    }
}
