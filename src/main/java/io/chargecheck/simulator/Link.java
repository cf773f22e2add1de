package io.chargecheck.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One WebSocket connection attempt to the central system, offering the {@code ocpp1.6}
 * subprotocol. A Java-WebSocket client cannot be connected twice, so every (re)connection is a
 * new Link; events carry the link so that late events of an old one can be told apart.
 */
final class Link extends WebSocketClient {

    static final String SUBPROTOCOL = "ocpp1.6";
    private static final int CONNECT_TIMEOUT_MS = 5_000;

    /** Called on Java-WebSocket's threads; implementations hand over to the event loop. */
    interface Listener {
        void opened(Link link);

        void message(Link link, String text);

        void closed(Link link, int code, String reason, boolean remote);
    }

    private final Listener listener;
    private final EventLog log;
    private volatile String failure;
    /** The TLS versions and cipher suites it offers, when not the JDK's; null for the JDK's. */
    private volatile String[] protocols;
    private volatile String[] cipherSuites;

    Link(URI endpoint, String chargePointId, String password, SSLContext sslContext, int pingIntervalSeconds,
         Listener listener, EventLog log) {
        super(endpoint, new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL))),
                headers(chargePointId, password), CONNECT_TIMEOUT_MS);
        this.listener = listener;
        this.log = log;
        setConnectionLostTimeout(pingIntervalSeconds);
        setDaemon(true);
        if (sslContext != null) {
            setSocketFactory(sslContext.getSocketFactory());
        }
    }

    private static Map<String, String> headers(String chargePointId, String password) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (password != null) {
            String credentials = chargePointId + ":" + password;
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    /** Offers only these TLS versions and cipher suites in its handshake (a station's own restriction). */
    void offerOnly(String[] tlsProtocols, String[] suites) {
        this.protocols = tlsProtocols.clone();
        this.cipherSuites = suites.clone();
    }

    @Override
    protected void onSetSSLParameters(javax.net.ssl.SSLParameters parameters) {
        super.onSetSSLParameters(parameters); // host name verification, as a charger checks the central system's name
        if (protocols != null) {
            parameters.setProtocols(protocols);
            parameters.setCipherSuites(cipherSuites);
        }
    }

    /** Sends one frame; false when the connection is not open (its close event follows). */
    boolean write(String frame) {
        if (!isOpen()) {
            return false;
        }
        // Logged before it is written: the answer can come in before send() returns, and the log
        // (and a frame listener timing the call) must see the call first.
        log.frameOut(frame);
        try {
            send(frame);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false; // closed in the instant since isOpen()
        }
    }

    /** Why the connection failed or closed, as far as Java-WebSocket said (the exception, not only the close code). */
    String failure() {
        return failure;
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        listener.opened(this);
    }

    @Override
    public void onMessage(String message) {
        log.frameIn(message);
        listener.message(this, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        listener.closed(this, code, reason, remote);
    }

    @Override
    public void onError(Exception e) {
        // Refused connections, resets and handshake failures are expected here; onClose follows.
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
