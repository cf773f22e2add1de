package io.chargecheck.certification;

import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/** A charger that sends exactly the frames a test writes, to see what the suite makes of them. */
final class RawStation extends WebSocketClient {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();

    private RawStation(URI uri) {
        super(uri, new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6"))));
    }

    static RawStation connect(String url) throws Exception {
        RawStation station = new RawStation(URI.create(url));
        station.connect();
        station.opened.get(5, TimeUnit.SECONDS);
        return station;
    }

    /** Sends a CALL and returns the central system's answer. */
    String call(String id, String action, String payload) throws InterruptedException {
        send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
        return received.poll(5, TimeUnit.SECONDS);
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
    public void onClose(int code, String reason, boolean remote) {
        opened.completeExceptionally(new IllegalStateException("closed: " + code + " " + reason));
    }

    @Override
    public void onError(Exception ex) {
        // onClose says what the test needs
    }
}
