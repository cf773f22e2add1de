package io.chargecheck.centralsystem;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.Framedata;
import org.java_websocket.protocols.IProtocol;

/**
 * RFC 6455 as a server must speak it: a client "MUST mask all frames that it sends to the server"
 * and the server "MUST close the connection upon receiving a frame that is not masked" (section
 * 5.1), which Java-WebSocket 1.6.0 does not check. This draft walks the frame headers of the bytes
 * it is given (a frame may be split over reads, so it keeps where it is in the current frame) and
 * refuses an unmasked one with close code 1002, before the library reads the frame.
 */
final class MaskedFramesDraft extends Draft_6455 {

    private final List<IExtension> extensions;
    private final List<IProtocol> protocols;
    private final int maxFrameBytes;
    /** Bytes of the current frame's payload still to come; 0 between frames. */
    private long payloadLeft;
    /** A frame header split over two reads, so far. */
    private final byte[] header = new byte[14];
    private int headerBytes;

    MaskedFramesDraft(List<IExtension> extensions, List<IProtocol> protocols, int maxFrameBytes) {
        super(extensions, protocols, maxFrameBytes);
        this.extensions = extensions;
        this.protocols = protocols;
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public Draft copyInstance() {
        return new MaskedFramesDraft(extensions, protocols, maxFrameBytes);
    }

    @Override
    public List<Framedata> translateFrame(ByteBuffer buffer) throws InvalidDataException {
        checkMasks(buffer.duplicate());
        return super.translateFrame(buffer);
    }

    private void checkMasks(ByteBuffer bytes) throws InvalidFrameException {
        while (bytes.hasRemaining()) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, bytes.remaining());
                bytes.position(bytes.position() + skip);
                payloadLeft -= skip;
                continue;
            }
            header[headerBytes++] = bytes.get();
            int needed = headerLength();
            if (needed < 0 || headerBytes < needed) {
                continue;
            }
            if ((header[1] & 0x80) == 0) {
                throw new InvalidFrameException("a client frame that is not masked (RFC 6455 section 5.1)");
            }
            payloadLeft = payloadLength();
            headerBytes = 0;
        }
    }

    /** The whole header's length once enough of it is known, else -1. */
    private int headerLength() {
        if (headerBytes < 2) {
            return -1;
        }
        int length = header[1] & 0x7f;
        int mask = (header[1] & 0x80) != 0 ? 4 : 0;
        return 2 + (length == 126 ? 2 : length == 127 ? 8 : 0) + mask;
    }

    private long payloadLength() {
        int length = header[1] & 0x7f;
        if (length < 126) {
            return length;
        }
        if (length == 126) {
            return ((header[2] & 0xffL) << 8) | (header[3] & 0xffL);
        }
        long value = 0;
        for (int i = 2; i < 10; i++) {
            value = (value << 8) | (header[i] & 0xffL);
        }
        return value < 0 ? Long.MAX_VALUE : value;
    }
}
