package io.chargecheck.centralsystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import org.java_websocket.interfaces.ISSLChannel;

/**
 * A wss:// connection (security profiles 2 and 3) over the JDK's {@link SSLEngine}, in place of
 * Java-WebSocket's SSLSocketChannel2. That one asserts on engine states a legal client can cause:
 * a TLS 1.2 client that completes the handshake and closes without sending HTTP made it throw
 * AssertionError on the selector thread (assertions are on under Maven's test plugins), which ended
 * the listener for every station. Here every state of the engine is an ordinary case, every failure
 * is an IOException that closes this one connection, and nothing escapes as a RuntimeException or
 * an Error into the library's selector loop.
 *
 * <p>Buffers: {@code netIn} collects ciphertext from the socket (write mode), {@code appIn} holds
 * plaintext not yet handed to the library (read mode), {@code netOut} ciphertext not yet written
 * (read mode). Delegated tasks (certificate checks, key exchange) run inline: a bench has a few
 * chargers, and a thread pool would only add hand-offs.
 */
final class TlsChannel extends ConnectionChannel implements ISSLChannel {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** Rounds of one read without progress; a bound, so a confused engine cannot spin the selector. */
    private static final int MAX_ROUNDS = 32;

    private final SSLEngine engine;
    private final FailureListener failures;
    private ByteBuffer netIn;
    private ByteBuffer appIn;
    private ByteBuffer netOut;
    private boolean peerClosed;
    private boolean underflow;
    private boolean handshakeDone;
    private long cipherBytesReceived;
    /** The cipher suites of the client's ClientHello, once read; null before, or when it could not be. */
    private java.util.List<String> offeredCipherSuites;
    /** Whether the engine has taken bytes in: from then on the ClientHello is no longer at the start of netIn. */
    private boolean engineTookBytes;

    /** Told why a TLS connection failed, once, for the journal. */
    interface FailureListener {
        void tlsFailed(TlsChannel channel, String why);
    }

    TlsChannel(SocketChannel socket, SSLEngine engine, Runnable onClose,
               Consumer<ConnectionChannel> refusedByLibrary, FailureListener failures) throws IOException {
        super(socket, onClose, refusedByLibrary);
        this.engine = engine;
        this.failures = failures;
        SSLSession session = engine.getSession();
        netIn = ByteBuffer.allocate(session.getPacketBufferSize());
        appIn = ByteBuffer.allocate(session.getApplicationBufferSize()).flip();
        netOut = ByteBuffer.allocate(session.getPacketBufferSize()).flip();
        engine.beginHandshake();
    }

    /** Whether the client sent anything at all, a ClientHello or garbage. */
    synchronized boolean sentAnything() {
        return cipherBytesReceived > 0;
    }

    /** The cipher suites the client offered, empty when its ClientHello could not be read. */
    synchronized java.util.List<String> offeredCipherSuites() {
        return offeredCipherSuites == null ? java.util.List.of() : offeredCipherSuites;
    }

    @Override
    public SSLEngine getSSLEngine() {
        return engine;
    }

    @Override
    boolean usesTls() {
        return true;
    }

    @Override
    synchronized boolean secureHandshakeDone() {
        return handshakeDone;
    }

    /** One use of the engine, for {@link #guarded}. */
    private interface EngineStep {
        int run() throws IOException;
    }

    /** Every failure of the engine is reported once and ends this connection, never the listener. */
    private int guarded(EngineStep step) throws IOException {
        try {
            return step.run();
        } catch (SSLException e) {
            failed(e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            // the engine's own bugs and misuse, as an IOException the library handles per connection
            failed(e.toString());
            throw new SSLException("TLS engine failed: " + e, e);
        }
    }

    @Override
    int readTransport(ByteBuffer dst) throws IOException {
        return guarded(() -> readPlaintext(dst));
    }

    private int readPlaintext(ByteBuffer dst) throws IOException {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (appIn.hasRemaining()) {
                return transfer(appIn, dst);
            }
            if (peerClosed) {
                return -1;
            }
            if (!flushNetOut()) {
                return 0; // handshake bytes wait for the socket; the library polls for write
            }
            HandshakeStatus status = engine.getHandshakeStatus();
            if (status == HandshakeStatus.NEED_TASK) {
                runTasks();
                continue;
            }
            if (status == HandshakeStatus.NEED_WRAP) {
                wrap(EMPTY);
                continue;
            }
            if (netIn.position() > 0 && !underflow) {
                unwrap();
                continue;
            }
            int read = socket.read(netIn);
            if (read < 0) {
                peerClosed = true;
                closeInboundQuietly();
                return -1;
            }
            if (read == 0) {
                return 0;
            }
            cipherBytesReceived += read;
            underflow = false;
            if (!engineTookBytes && offeredCipherSuites == null) {
                ClientHello.offeredCipherSuites(netIn.duplicate().flip()).ifPresent(suites -> offeredCipherSuites = suites);
            }
        }
        return 0;
    }

    private void unwrap() throws IOException {
        netIn.flip();
        appIn.compact();
        SSLEngineResult result;
        try {
            result = engine.unwrap(netIn, appIn);
        } finally {
            netIn.compact();
            appIn.flip();
        }
        noteFinished(result);
        engineTookBytes |= result.bytesConsumed() > 0;
        switch (result.getStatus()) {
            case OK -> underflow = false;
            case BUFFER_UNDERFLOW -> {
                underflow = true;
                if (netIn.position() == netIn.capacity()) {
                    netIn = enlarged(netIn, engine.getSession().getPacketBufferSize(), false);
                }
            }
            case BUFFER_OVERFLOW -> appIn = enlarged(appIn, engine.getSession().getApplicationBufferSize(), true);
            case CLOSED -> {
                peerClosed = true;
                engine.closeOutbound();
            }
        }
    }

    @Override
    int writeTransport(ByteBuffer src) throws IOException {
        return guarded(() -> writePlaintext(src));
    }

    private int writePlaintext(ByteBuffer src) throws IOException {
        if (!flushNetOut()) {
            return 0;
        }
        int taken = 0;
        while (src.hasRemaining()) {
            SSLEngineResult result = wrap(src);
            taken += result.bytesConsumed();
            if (result.getStatus() == Status.CLOSED) {
                throw new SSLException("the TLS connection is closed");
            }
            boolean noProgress = result.bytesConsumed() == 0 && result.bytesProduced() == 0
                    && result.getStatus() == Status.OK;
            if (!flushNetOut() || noProgress) {
                break; // the engine waits for the peer (a renegotiation): write again later
            }
        }
        return taken;
    }

    private SSLEngineResult wrap(ByteBuffer src) throws IOException {
        netOut.compact();
        SSLEngineResult result;
        try {
            result = engine.wrap(src, netOut);
        } finally {
            netOut.flip();
        }
        noteFinished(result);
        if (result.getStatus() == Status.BUFFER_OVERFLOW) {
            if (!netOut.hasRemaining()) {
                netOut = enlarged(netOut, engine.getSession().getPacketBufferSize(), true);
            } else {
                flushNetOut();
            }
        }
        if (result.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
            runTasks();
        }
        return result;
    }

    private void noteFinished(SSLEngineResult result) {
        if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeDone = true;
        }
    }

    /** True when nothing is left to write. */
    private boolean flushNetOut() throws IOException {
        while (netOut.hasRemaining()) {
            if (socket.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
        }
    }

    @Override
    boolean transportNeedsWrite() {
        return netOut.hasRemaining();
    }

    @Override
    void flushTransport() throws IOException {
        flushNetOut();
    }

    @Override
    boolean transportNeedsRead() {
        return appIn.hasRemaining() || (netIn.position() > 0 && !underflow && !peerClosed);
    }

    @Override
    void closeTransport() throws IOException {
        try {
            synchronized (this) {
                // a close_notify if the socket takes it at once; a peer that is gone gets none
                engine.closeOutbound();
                if (socket.isOpen() && !socket.isBlocking()) {
                    wrap(EMPTY);
                    flushNetOut();
                }
            }
        } catch (IOException | RuntimeException e) {
            // closing anyway
        } finally {
            socket.close();
        }
    }

    private void closeInboundQuietly() {
        try {
            engine.closeInbound();
        } catch (SSLException e) {
            // "closed without close_notify": the socket is gone either way
        }
    }

    private void failed(String why) {
        failures.tlsFailed(this, why == null ? "TLS error" : why);
    }

    private static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        ByteBuffer slice = from.slice();
        slice.limit(n);
        to.put(slice);
        from.position(from.position() + n);
        return n;
    }

    /** A larger buffer with the same content; {@code readMode} says how {@code buffer} is positioned. */
    private static ByteBuffer enlarged(ByteBuffer buffer, int atLeast, boolean readMode) {
        ByteBuffer larger = ByteBuffer.allocate(Math.max(atLeast, buffer.capacity() * 2));
        if (readMode) {
            larger.put(buffer).flip();
        } else {
            buffer.flip();
            larger.put(buffer);
        }
        return larger;
    }
}
