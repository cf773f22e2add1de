package io.chargecheck.centralsystem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/** A ws:// connection (security profiles 0 and 1): the socket itself, with what {@link ConnectionChannel} adds. */
final class PlainChannel extends ConnectionChannel {

    PlainChannel(SocketChannel socket, Runnable onClose, Consumer<ConnectionChannel> refusedByLibrary) {
        super(socket, onClose, refusedByLibrary);
    }

    @Override
    int readTransport(ByteBuffer dst) throws IOException {
        return socket.read(dst);
    }

    @Override
    int writeTransport(ByteBuffer src) throws IOException {
        return socket.write(src);
    }

    @Override
    boolean transportNeedsWrite() {
        return false;
    }

    @Override
    void flushTransport() {
        // nothing of its own is ever pending
    }

    @Override
    boolean transportNeedsRead() {
        return false;
    }

    @Override
    void closeTransport() throws IOException {
        socket.close();
    }

    @Override
    boolean secureHandshakeDone() {
        return true;
    }

    @Override
    boolean usesTls() {
        return false;
    }
}
