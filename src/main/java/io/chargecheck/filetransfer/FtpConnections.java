package io.chargecheck.filetransfer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.mockftpserver.core.MockFtpServerException;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.session.DefaultSession;
import org.mockftpserver.core.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MockFtpServer's connections, made fit for chargers through the extension points it has: its
 * server's and its session's socket factories.
 * <ul>
 * <li>A session ends when the station closes the control connection without QUIT (MockFtpServer
 *     polls for a command that is ready, never sees the end of the stream, and would keep the
 *     session, and any passive port it holds, forever).</li>
 * <li>Passive sockets come from a fixed port range when one is set (a firewall can then let them
 *     through), time out when the station never connects, and are closed when a session ends
 *     without using them, so a range cannot run dry.</li>
 * <li>Every data socket counts the bytes that really cross it, in chunks, into the transfer that
 *     is running, and refuses to read more than the upload limit.</li>
 * </ul>
 */
final class FtpConnections {

    private static final Logger LOG = LoggerFactory.getLogger(FtpConnections.class);

    /** Bytes per write, so a transfer's progress (and where it broke) is known to within one chunk. */
    static final int CHUNK = 16 * 1024;

    /**
     * The kernel's send buffer for a data socket. Left to itself it grows to megabytes, all of which
     * count as sent the moment they are queued; kept at this size (plenty for a charger's LAN or LTE
     * link), the bytes counted as sent are close to the bytes the station received.
     */
    static final int SEND_BUFFER = 256 * 1024;

    private final InetAddress bindAddress;
    private final PortRange passivePorts;
    private final int timeoutMillis;
    private final long uploadLimit;
    private final AtomicInteger nextPassive = new AtomicInteger();

    FtpConnections(InetAddress bindAddress, PortRange passivePorts, int timeoutMillis, long uploadLimit) {
        this.bindAddress = bindAddress;
        this.passivePorts = passivePorts;
        this.timeoutMillis = timeoutMillis;
        this.uploadLimit = uploadLimit;
    }

    Session session(Socket control, Map<String, CommandHandler> handlers) {
        return new DataSession(control, handlers);
    }

    /** The control socket to listen on: its connections tell their session when the station hangs up. */
    static ServerSocket controlSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                ControlSocket socket = new ControlSocket();
                implAccept(socket);
                return socket;
            }
        };
    }

    private ServerSocket openPassive(DataSession session) throws IOException {
        if (passivePorts == null) {
            return bind(session, 0);
        }
        int start = Math.floorMod(nextPassive.getAndIncrement(), passivePorts.size());
        for (int i = 0; i < passivePorts.size(); i++) {
            try {
                return bind(session, passivePorts.first() + (start + i) % passivePorts.size());
            } catch (IOException e) {
                // taken (by another session or program): try the next one
            }
        }
        throw new IOException("every passive port " + passivePorts + " is in use");
    }

    private ServerSocket bind(DataSession session, int port) throws IOException {
        MeteredServerSocket socket = new MeteredServerSocket(session);
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(bindAddress, port), 1);
            socket.setSoTimeout(timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private Socket connectActive(DataSession session, InetAddress host, int port) throws IOException {
        MeteredSocket socket = new MeteredSocket(session);
        socket.setSendBufferSize(SEND_BUFFER);
        socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        return socket;
    }

    /** Where a data connection's bytes go: the transfer that runs on it, or nowhere (a listing). */
    interface Meter {
        Meter NONE = bytes -> { };

        void moved(long bytes);
    }

    private interface Read {
        int read() throws IOException;
    }

    /** Thrown by a data connection asked to read past the upload limit; the upload is refused, not stored cut short. */
    static final class OverLimitException extends IOException {
        OverLimitException(long limit) {
            super("the upload is larger than the limit of " + limit + " bytes");
        }
    }

    /** A session that knows its transfer's meter, its last reply, and cleans up its passive socket. */
    final class DataSession extends DefaultSession {
        private volatile Meter meter = Meter.NONE;
        private volatile int lastReplyCode;
        private volatile boolean dataOpen;
        private ServerSocket passive;

        DataSession(Socket control, Map<String, CommandHandler> handlers) {
            super(control, handlers);
            if (control instanceof ControlSocket hangUp) {
                hangUp.onEndOfStream(this::close);
            }
            serverSocketFactory = port -> replacePassive(openPassive(this));
            socketFactory = (host, port) -> connectActive(this, host, port);
        }

        void meter(Meter transfer) {
            meter = transfer == null ? Meter.NONE : transfer;
        }

        Meter meter() {
            return meter;
        }

        boolean isDataOpen() {
            return dataOpen;
        }

        int lastReplyCode() {
            return lastReplyCode;
        }

        @Override
        public void sendReply(int code, String text) {
            lastReplyCode = code;
            super.sendReply(code, text);
        }

        @Override
        public void openDataConnection() {
            super.openDataConnection();
            dataOpen = true;
        }

        @Override
        public void closeDataConnection() {
            if (dataOpen) {
                dataOpen = false;
                super.closeDataConnection();
            } else {
                closePassive(); // PASV given, then the transfer failed before the station connected
            }
        }

        /** Sends a reply when the control connection may be gone; ends the session if it is. */
        void replyIfConnected(int code, String text) {
            try {
                sendReply(code, text);
            } catch (MockFtpServerException e) {
                close();
            }
        }

        @Override
        public void run() {
            try {
                super.run();
            } catch (MockFtpServerException e) {
                // the station went away mid-session; MockFtpServer has logged it, the thread just ends
                LOG.debug("FTP session ended: {}", e.getMessage());
            } finally {
                closePassive();
            }
        }

        private synchronized ServerSocket replacePassive(ServerSocket next) {
            closeQuietly(passive); // a PASV that was never used must not hold its port
            passive = next;
            return next;
        }

        private synchronized void closePassive() {
            closeQuietly(passive);
            passive = null;
        }

        private static void closeQuietly(ServerSocket socket) {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing to free the port; nothing else to do
                }
            }
        }
    }

    /** A control connection whose stream reports, when asked whether a command is ready, that the station hung up. */
    private static final class ControlSocket extends Socket {
        private volatile Runnable onEndOfStream = () -> { };
        private InputStream in;

        void onEndOfStream(Runnable action) {
            onEndOfStream = action;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new HangUpDetecting(super.getInputStream(), this);
            }
            return in;
        }
    }

    /**
     * MockFtpServer asks {@code available()} every 20 ms and reads only when it is positive, which it
     * never is at the end of the stream. Here, when nothing is buffered, a read of 1 ms finds out:
     * a byte is kept for the next read, the end of the stream ends the session.
     */
    private static final class HangUpDetecting extends FilterInputStream {
        private final ControlSocket socket;
        private int peeked = -1;
        private boolean ended;

        HangUpDetecting(InputStream in, ControlSocket socket) {
            super(in);
            this.socket = socket;
        }

        @Override
        public synchronized int available() throws IOException {
            if (peeked >= 0 || ended) {
                return 1;
            }
            int buffered = in.available();
            if (buffered > 0) {
                return buffered;
            }
            int timeout = socket.getSoTimeout();
            socket.setSoTimeout(1);
            try {
                int b = in.read();
                if (b < 0) {
                    ended = true;
                    socket.onEndOfStream.run();
                } else {
                    peeked = b;
                }
                return 1;
            } catch (SocketTimeoutException e) {
                return 0;
            } finally {
                socket.setSoTimeout(timeout);
            }
        }

        @Override
        public synchronized int read() throws IOException {
            if (peeked >= 0) {
                int b = peeked;
                peeked = -1;
                return b;
            }
            return ended ? -1 : in.read();
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (peeked >= 0) {
                buffer[offset] = (byte) peeked;
                peeked = -1;
                int more = Math.min(length - 1, in.available());
                return 1 + (more > 0 ? Math.max(0, in.read(buffer, offset + 1, more)) : 0);
            }
            return ended ? -1 : in.read(buffer, offset, length);
        }
    }

    private final class MeteredServerSocket extends ServerSocket {
        private final DataSession session;

        MeteredServerSocket(DataSession session) throws IOException {
            this.session = session;
        }

        @Override
        public Socket accept() throws IOException {
            MeteredSocket socket = new MeteredSocket(session);
            implAccept(socket);
            socket.setSoTimeout(timeoutMillis);
            socket.setSendBufferSize(SEND_BUFFER);
            return socket;
        }
    }

    /** A data socket whose streams count, chunk and bound what crosses them. */
    private final class MeteredSocket extends Socket {
        private final DataSession session;
        private InputStream in;
        private OutputStream out;

        MeteredSocket(DataSession session) {
            this.session = session;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new MeteredInput(new BufferedInputStream(super.getInputStream(), CHUNK), session);
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new MeteredOutput(super.getOutputStream(), session);
            }
            return out;
        }
    }

    private final class MeteredInput extends FilterInputStream {
        private final DataSession session;
        private long count;
        private long pending; // counted into the meter a chunk at a time: MockFtpServer reads byte by byte

        MeteredInput(InputStream in, DataSession session) {
            super(in);
            this.session = session;
        }

        @Override
        public int read() throws IOException {
            int b = readCounting(() -> in.read());
            if (b >= 0) {
                counted(1);
            } else {
                flush();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = readCounting(() -> in.read(buffer, offset, length));
            if (n > 0) {
                counted(n);
            } else {
                flush();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            flush();
            super.close();
        }

        /** A broken connection still leaves its count right. */
        private int readCounting(Read read) throws IOException {
            try {
                return read.read();
            } catch (IOException e) {
                flush();
                throw e;
            }
        }

        private void counted(int n) throws IOException {
            count += n;
            pending += n;
            if (count > uploadLimit) {
                flush();
                throw new OverLimitException(uploadLimit);
            }
            if (pending >= CHUNK) {
                flush();
            }
        }

        private void flush() {
            if (pending > 0) {
                session.meter().moved(pending);
                pending = 0;
            }
        }
    }

    private static final class MeteredOutput extends FilterOutputStream {
        private final DataSession session;

        MeteredOutput(OutputStream out, DataSession session) {
            super(out);
            this.session = session;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            session.meter().moved(1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            for (int done = 0; done < length; done += CHUNK) {
                int n = Math.min(CHUNK, length - done);
                out.write(buffer, offset + done, n);
                session.meter().moved(n);
            }
        }
    }
}
