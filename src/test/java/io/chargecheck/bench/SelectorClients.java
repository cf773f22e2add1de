package io.chargecheck.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.java_websocket.SocketChannelIOHelper;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketAdapter;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.HandshakeImpl1Client;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.protocols.Protocol;

/**
 * All stations on one thread: non-blocking sockets on one {@link Selector}, each connection driven
 * by Java-WebSocket's own protocol engine ({@link WebSocketImpl}: handshake, masking, framing), the
 * same engine its {@code WebSocketClient} wraps. A {@code WebSocketClient} owns a read thread and a
 * write thread per connection; 200 of them on two cores would spend the CPU the central system is
 * measured on in thread switches. Here a round trip costs the client side one wake-up, and a
 * wake-up serves every answer that arrived meanwhile.
 *
 * <p>Everything runs on the thread that calls {@link #connect} and {@link #runUntil}.
 */
final class SelectorClients implements BenchClients {

    private final URI base;
    private final List<BenchStation> stations;
    private final Selector selector;
    private final List<Connection> connections = new ArrayList<>();
    private final PriorityQueue<Due> dues = new PriorityQueue<>(Comparator.comparingLong(Due::at));
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private long driverThread;

    private record Due(long at, BenchStation station) {
    }

    SelectorClients(String url, List<BenchStation> stations) throws IOException {
        this.base = URI.create(url);
        this.stations = stations;
        this.selector = Selector.open();
    }

    @Override
    public boolean connect(long deadlineNanos) throws IOException {
        driverThread = Thread.currentThread().getId();
        InetSocketAddress address = new InetSocketAddress(base.getHost(), base.getPort());
        for (BenchStation station : stations) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            Connection connection = new Connection(station, channel);
            station.attach(connection);
            connections.add(connection);
            connection.key = channel.register(selector, SelectionKey.OP_CONNECT, connection);
            channel.connect(address);
        }
        return runUntil(() -> stations.stream().allMatch(s -> s.open), deadlineNanos);
    }

    @Override
    public boolean runUntil(BooleanSupplier done, long deadlineNanos) throws IOException {
        while (!done.getAsBoolean()) {
            long now = System.nanoTime();
            if (now >= deadlineNanos) {
                return false;
            }
            while (!dues.isEmpty() && dues.peek().at() <= now) {
                dues.poll().station().sendDue();
            }
            long wait = Math.min(deadlineNanos - now, TimeUnit.MILLISECONDS.toNanos(50));
            if (!dues.isEmpty()) {
                wait = Math.min(wait, dues.peek().at() - now);
            }
            if (wait <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
            }
            for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
                SelectionKey key = keys.next();
                keys.remove();
                ((Connection) key.attachment()).ready(key);
            }
        }
        return true;
    }

    @Override
    public void closeAll(long deadlineNanos) throws IOException {
        for (Connection connection : connections) {
            if (connection.ws.isOpen()) {
                connection.ws.close(CloseFrame.NORMAL, "benchmark done");
            }
        }
        runUntil(() -> connections.stream().allMatch(c -> c.ws.isClosed()), deadlineNanos);
        for (Connection connection : connections) {
            connection.channel.close();
        }
        selector.close();
    }

    @Override
    public List<Long> threadIds() {
        return List.of(driverThread);
    }

    @Override
    public String describe() {
        return "1 thread, one selector over " + stations.size() + " non-blocking sockets";
    }

    /** One station's socket and protocol engine; the engine calls back here as its listener. */
    private final class Connection extends WebSocketAdapter implements BenchStation.Wire {
        final BenchStation station;
        final SocketChannel channel;
        final WebSocketImpl ws;
        SelectionKey key;

        Connection(BenchStation station, SocketChannel channel) {
            this.station = station;
            this.channel = channel;
            this.ws = new WebSocketImpl(this, new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6"))));
            ws.setChannel(channel);
        }

        void ready(SelectionKey readyKey) {
            try {
                if (!readyKey.isValid()) {
                    return;
                }
                if (readyKey.isConnectable()) {
                    channel.finishConnect();
                    ws.setSelectionKey(readyKey);
                    readyKey.interestOps(SelectionKey.OP_READ);
                    HandshakeImpl1Client handshake = new HandshakeImpl1Client();
                    handshake.setResourceDescriptor(base.getRawPath() + "/" + station.chargePointId);
                    handshake.put("Host", base.getHost() + ":" + base.getPort());
                    ws.startHandshake(handshake);
                    return;
                }
                if (readyKey.isWritable()) {
                    flush();
                }
                if (readyKey.isValid() && readyKey.isReadable()) {
                    read();
                }
            } catch (IOException | InvalidDataException | RuntimeException e) {
                station.onError(e);
                ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, String.valueOf(e.getMessage()));
            }
        }

        private void read() throws IOException {
            while (true) {
                readBuffer.clear();
                int read = channel.read(readBuffer);
                if (read < 0) {
                    ws.eot();
                    return;
                }
                if (read == 0) {
                    return;
                }
                readBuffer.flip();
                ws.decode(readBuffer);
                if (read < readBuffer.capacity()) {
                    return;
                }
            }
        }

        private void flush() throws IOException {
            boolean done = SocketChannelIOHelper.batch(ws, channel);
            if (key.isValid()) {
                key.interestOps(done ? SelectionKey.OP_READ : SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            }
        }

        @Override
        public void send(String frame) {
            ws.send(frame);
        }

        @Override
        public void sendAt(BenchStation due, long dueNanos) {
            dues.add(new Due(dueNanos, due));
        }

        @Override
        public void onWriteDemand(WebSocket conn) {
            // the engine queued bytes (a frame, the handshake, a close): write them now, on this thread
            try {
                flush();
            } catch (IOException e) {
                station.onError(e);
                ws.closeConnection(CloseFrame.ABNORMAL_CLOSE, String.valueOf(e.getMessage()));
            }
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, String message) {
            station.onText(message, System.nanoTime());
        }

        @Override
        public void onWebsocketMessage(WebSocket conn, ByteBuffer blob) {
            station.onText("<binary frame>", System.nanoTime());
        }

        @Override
        public void onWebsocketOpen(WebSocket conn, Handshakedata handshake) {
            station.onOpen(System.nanoTime());
        }

        @Override
        public void onWebsocketClose(WebSocket conn, int code, String reason, boolean remote) {
            station.onClosed((remote ? "closed by the central system " : "closed ") + code + " " + reason);
        }

        @Override
        public void onWebsocketClosing(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onWebsocketCloseInitiated(WebSocket conn, int code, String reason) {
        }

        @Override
        public void onWebsocketError(WebSocket conn, Exception ex) {
            station.onError(ex);
        }

        @Override
        public InetSocketAddress getLocalSocketAddress(WebSocket conn) {
            return (InetSocketAddress) channel.socket().getLocalSocketAddress();
        }

        @Override
        public InetSocketAddress getRemoteSocketAddress(WebSocket conn) {
            return (InetSocketAddress) channel.socket().getRemoteSocketAddress();
        }
    }
}
