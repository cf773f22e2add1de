package io.chargecheck.centralsystem;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WrappedByteChannel;
import org.java_websocket.server.WebSocketServer;

/**
 * The byte channel Java-WebSocket reads and writes one accepted connection through, plain or TLS.
 * It is ours, not the library's, for three things the library does not give: what the peer sent
 * before its WebSocket handshake completed (to say why a connection was refused or timed out),
 * an HTTP answer of our choosing instead of the library's one "404 WebSocket Upgrade Failure"
 * (401, 400, 426), and, for TLS, an engine that survives whatever a client sends.
 *
 * <p>Java-WebSocket drives it from its selector thread; a close can come from any thread, so the
 * state is guarded by the channel's monitor.
 */
abstract class ConnectionChannel implements WrappedByteChannel {

    /** Enough for any honest upgrade request; more is kept as a count only. */
    private static final int CAPTURED_BYTES = 8 * 1024;

    final SocketChannel socket;
    final InetSocketAddress remote;
    final long acceptedNanos = System.nanoTime();
    private final Runnable onClose;
    private final Consumer<ConnectionChannel> refusedByLibrary;

    /** What came before the handshake completed, for the refusal's reason; null once it did. */
    private ByteBuffer captured = ByteBuffer.allocate(256);
    private long bytesReceived;
    private byte[] answer;
    private ByteBuffer pendingAnswer;
    /** The rest of a frame {@link #send} wrote that the socket did not take whole; it goes before anything else. */
    private ByteBuffer pendingFrame;
    private boolean closed;
    private boolean refusalReported;

    /**
     * @param onClose          called once when the channel closes
     * @param refusedByLibrary called when Java-WebSocket refuses the upgrade before our handshake
     *                         hook saw it (a wrong WebSocket version, a request that is no upgrade),
     *                         to say why, and to choose the answer
     */
    ConnectionChannel(SocketChannel socket, Runnable onClose, Consumer<ConnectionChannel> refusedByLibrary) {
        this.socket = socket;
        this.remote = remoteOf(socket);
        this.onClose = onClose;
        this.refusedByLibrary = refusedByLibrary;
    }

    private static InetSocketAddress remoteOf(SocketChannel socket) {
        try {
            return (InetSocketAddress) socket.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** Plaintext from the peer into dst: bytes read, 0 for none yet, -1 at its end. */
    abstract int readTransport(ByteBuffer dst) throws IOException;

    /** Plaintext to the peer: the bytes of src taken (all of them, or none while earlier bytes wait). */
    abstract int writeTransport(ByteBuffer src) throws IOException;

    abstract boolean transportNeedsWrite();

    abstract void flushTransport() throws IOException;

    abstract boolean transportNeedsRead();

    abstract void closeTransport() throws IOException;

    /** Whether the TLS handshake (if any) is done; a plain connection has none. */
    abstract boolean secureHandshakeDone();

    abstract boolean usesTls();

    @Override
    public final synchronized int read(ByteBuffer dst) throws IOException {
        int start = dst.position();
        int read = readTransport(dst);
        if (read > 0) {
            bytesReceived += read;
            capture(dst, start, read);
        }
        return read;
    }

    @Override
    public final int readMore(ByteBuffer dst) throws IOException {
        return read(dst);
    }

    @Override
    public final synchronized boolean isNeedRead() {
        return transportNeedsRead();
    }

    @Override
    public final synchronized int write(ByteBuffer src) throws IOException {
        boolean refusal = pendingAnswer == null && captured != null && isHttpRefusal(src);
        if (refusal && !refusalReported) {
            refusalReported = true;
            refusedByLibrary.accept(this);
        }
        if (!refusal && pendingAnswer == null) {
            return flushPendingFrame() ? writeTransport(src) : 0;
        }
        // A refused upgrade: one HTTP answer (ours if we chose one, else the library's), then the close,
        // which the library itself never makes for a connection that was no WebSocket yet.
        int taken = src.remaining();
        if (pendingAnswer == null) {
            byte[] libraryAnswer = new byte[taken];
            src.get(libraryAnswer);
            pendingAnswer = ByteBuffer.wrap(answer != null ? answer : libraryAnswer);
        }
        src.position(src.limit()); // anything after the answer is dropped
        writeAnswer();
        return taken;
    }

    private void writeAnswer() throws IOException {
        if (pendingAnswer.hasRemaining()) {
            writeTransport(pendingAnswer);
        }
        if (!pendingAnswer.hasRemaining() && !transportNeedsWrite()) {
            close();
        }
    }

    @Override
    public final synchronized boolean isNeedWrite() {
        return (pendingAnswer != null && pendingAnswer.hasRemaining()) || pendingFrame != null || transportNeedsWrite();
    }

    @Override
    public final synchronized void writeMore() throws IOException {
        flushTransport();
        flushPendingFrame();
        if (pendingAnswer != null && !closed) {
            writeAnswer();
        }
    }

    /**
     * Sends a text frame from the calling thread when nothing is queued before it, else the
     * library's way. Java-WebSocket's way is a queue its selector thread drains: a lock hand-off,
     * a wake-up and a turn of its loop per frame, about half of what the selector thread did under
     * load. Its loop also keeps every key that was ready only for writing in its selected set, so
     * each answer it writes makes the following turns look at that connection again until it next
     * reads from it; written here, an answer never makes a key ready for writing. What the socket
     * does not take now waits in {@link #pendingFrame}, and the selector writes it (write interest,
     * as the library asks for its own frames) before anything queued later.
     */
    final synchronized void send(WebSocketImpl webSocket, String text) {
        if (!webSocket.isOpen() || captured != null || isNeedWrite() || !webSocket.outQueue.isEmpty()) {
            webSocket.send(text); // in the library's queue, behind what is there; under our lock, so in order
            return;
        }
        ByteBuffer frame = TextFrames.of(text);
        try {
            writeTransport(frame);
        } catch (IOException e) {
            // the selector meets the same error on its next write, and closes the connection the library's way
        }
        if (frame.hasRemaining()) {
            pendingFrame = frame;
        }
        if (isNeedWrite() && webSocket.getWebSocketListener() instanceof WebSocketServer server) {
            server.onWriteDemand(webSocket);
        }
    }

    /** Whether nothing of a frame {@link #send} wrote is left, after writing what the socket takes now. */
    private boolean flushPendingFrame() throws IOException {
        if (pendingFrame == null) {
            return true;
        }
        if (transportNeedsWrite()) {
            flushTransport();
            if (transportNeedsWrite()) {
                return false;
            }
        }
        writeTransport(pendingFrame);
        if (pendingFrame.hasRemaining()) {
            return false;
        }
        pendingFrame = null;
        return true;
    }

    @Override
    public final boolean isBlocking() {
        return socket.isBlocking();
    }

    @Override
    public final boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public final void close() throws IOException {
        boolean first;
        synchronized (this) {
            first = !closed;
            closed = true;
        }
        try {
            if (first) {
                closeTransport();
            } else {
                socket.close();
            }
        } finally {
            if (first) {
                onClose.run();
            }
        }
    }

    /** The HTTP answer to give instead of the library's, when it refuses the upgrade. */
    final synchronized void answerWith(String statusAndHeaders) {
        answer = (statusAndHeaders + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Our handshake hook refused it and said why: nothing more to report when the library answers. */
    final synchronized void markRefusalReported() {
        refusalReported = true;
    }

    /** Whether its refusal was reported already, so a timeout need not report it again. */
    final synchronized boolean isRefusalReported() {
        return refusalReported;
    }

    /** The WebSocket handshake is done: what came before it is no longer needed. */
    final synchronized void opened() {
        captured = null;
    }

    final synchronized long bytesReceived() {
        return bytesReceived;
    }

    /** What the peer sent before its handshake completed, as text (ISO-8859-1, so every byte is one char). */
    final synchronized String capturedText() {
        if (captured == null) {
            return "";
        }
        return new String(captured.array(), 0, captured.position(), StandardCharsets.ISO_8859_1);
    }

    private void capture(ByteBuffer dst, int start, int length) {
        if (captured == null || captured.position() >= CAPTURED_BYTES) {
            return;
        }
        int take = Math.min(length, CAPTURED_BYTES - captured.position());
        if (captured.remaining() < take) {
            ByteBuffer larger = ByteBuffer.allocate(Math.min(CAPTURED_BYTES, Math.max(captured.capacity() * 2,
                    captured.position() + take)));
            captured.flip();
            larger.put(captured);
            captured = larger;
        }
        ByteBuffer view = dst.duplicate();
        view.position(start).limit(start + take);
        captured.put(view);
    }

    /** An HTTP response other than 101 Switching Protocols: the library refusing the upgrade. */
    private static boolean isHttpRefusal(ByteBuffer src) {
        if (src.remaining() < 12) {
            return false;
        }
        int p = src.position();
        boolean http = src.get(p) == 'H' && src.get(p + 1) == 'T' && src.get(p + 2) == 'T' && src.get(p + 3) == 'P'
                && src.get(p + 4) == '/';
        boolean switching = src.get(p + 9) == '1' && src.get(p + 10) == '0' && src.get(p + 11) == '1';
        return http && !switching;
    }
}
