package io.chargecheck.bench;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One Java-WebSocket {@link WebSocketClient} per station, as the simulator and the tests use it:
 * each owns a read thread and a write thread. Kept as {@code --client-io threads} to show what
 * that costs when the clients share the central system's cores; the default is
 * {@link SelectorClients}.
 */
final class ThreadedClients implements BenchClients {

    private final List<BenchStation> stations;
    private final List<Client> clients = new ArrayList<>();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-pacer");
        thread.setDaemon(true);
        return thread;
    });

    ThreadedClients(String url, List<BenchStation> stations) {
        this.stations = stations;
        for (BenchStation station : stations) {
            Client client = new Client(URI.create(url + "/" + station.chargePointId), station);
            station.attach(client);
            clients.add(client);
        }
    }

    @Override
    public boolean connect(long deadlineNanos) throws InterruptedException {
        clients.forEach(WebSocketClient::connect);
        return runUntil(() -> stations.stream().allMatch(s -> s.open), deadlineNanos);
    }

    @Override
    public boolean runUntil(BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        while (!done.getAsBoolean()) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(10, TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return true;
    }

    @Override
    public void closeAll(long deadlineNanos) throws InterruptedException {
        clients.forEach(WebSocketClient::close);
        runUntil(() -> stations.stream().noneMatch(s -> s.open), deadlineNanos);
        pacer.shutdownNow();
        pacer.awaitTermination(1, TimeUnit.SECONDS);
    }

    @Override
    public List<Long> threadIds() {
        // Java-WebSocket names them WebSocketConnectReadThread-<id> and WebSocketWriteThread-<id>
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("WebSocketConnectReadThread")
                        || t.getName().startsWith("WebSocketWriteThread") || t.getName().equals("bench-pacer"))
                .map(Thread::getId)
                .toList();
    }

    @Override
    public String describe() {
        return stations.size() + " WebSocketClients, each with a read and a write thread";
    }

    private final class Client extends WebSocketClient implements BenchStation.Wire {
        private final BenchStation station;

        Client(URI uri, BenchStation station) {
            super(uri, new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6"))), null, 10_000);
            this.station = station;
            setTcpNoDelay(true);
            setConnectionLostTimeout(0); // no ping timer thread per client: the runs are shorter than a ping interval
        }

        @Override
        public void sendAt(BenchStation due, long dueNanos) {
            pacer.schedule(due::sendDue, dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            station.onOpen(System.nanoTime());
        }

        @Override
        public void onMessage(String message) {
            station.onText(message, System.nanoTime());
        }

        @Override
        public void onMessage(ByteBuffer bytes) {
            station.onText("<binary frame>", System.nanoTime());
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            station.onClosed((remote ? "closed by the central system " : "closed ") + code + " " + reason);
        }

        @Override
        public void onError(Exception ex) {
            station.onError(ex);
        }
    }
}
