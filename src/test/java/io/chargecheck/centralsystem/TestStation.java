package io.chargecheck.centralsystem;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/** A bare WebSocket client that speaks raw frames, so tests control every byte a station sends. */
final class TestStation extends WebSocketClient {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Void> opened = new CompletableFuture<>();
    final CompletableFuture<String> closed = new CompletableFuture<>();

    private TestStation(URI uri, List<IProtocol> protocols, Map<String, String> headers) {
        super(uri, new Draft_6455(List.of(), protocols), headers, 20_000);
    }

    static TestStation connect(String url) {
        return connect(url, List.of(new Protocol("ocpp1.6")), null, null);
    }

    static TestStation connect(String url, List<IProtocol> protocols, String basicAuth, SSLContext ssl) {
        Map<String, String> headers = new HashMap<>();
        if (basicAuth != null) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        TestStation station = new TestStation(URI.create(url), protocols, headers);
        if (ssl != null) {
            station.setSocketFactory(ssl.getSocketFactory());
        }
        station.connect();
        return station;
    }

    /** The next frame from the central system, or null after the timeout. */
    String next() throws InterruptedException {
        return received.poll(5, TimeUnit.SECONDS);
    }

    String awaitOpen() throws Exception {
        // a TLS handshake on a busy machine, its JIT still cold, takes seconds
        opened.get(20, TimeUnit.SECONDS);
        return "open";
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        opened.complete(null);
    }

    @Override
    public void onMessage(String message) {
        received.add(message);
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        received.add("<binary>");
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        opened.completeExceptionally(new IllegalStateException("closed before open: " + code + " " + reason));
        closed.complete(code + " " + reason);
    }

    @Override
    public void onError(Exception ex) {
        // the close callback carries what the tests look at
    }
}
