package io.chargecheck.centralsystem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.extensions.IExtension;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.TextFrame;
import org.java_websocket.protocols.IProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6455 as a server must speak it: a client "MUST mask all frames that it sends to the server"
 * and the server "MUST close the connection upon receiving a frame that is not masked" (section
 * 5.1), which Java-WebSocket 1.6.0 does not check. This draft walks the frame headers of the bytes
 * it is given (a frame may be split over reads, so it keeps where it is in the current frame) and
 * refuses an unmasked one with close code 1002, before the library reads the frame.
 *
 * <p>On the way it also unmasks: a frame whose header is whole in the bytes it is given leaves
 * here unmasked, its mask bit cleared and its key taken out, so the library copies its payload
 * in one go instead of unmasking it a byte at a time through a buffer's get and put (a sixth of a
 * worker thread's time under load). A frame whose header was split over two reads, and bytes that
 * are not in a heap buffer we may write, go to the library as they came.
 *
 * <p>And the usual frame, a whole unfragmented text frame, it reads itself: the library checks a
 * text frame's UTF-8 once byte by byte and then decodes it again (a tenth of the central system's
 * time); here ASCII text (every OCPP frame of a usual station) is checked in one pass and becomes a
 * string without a decoder, and other text is decoded once, refusing malformed UTF-8 with 1007 as
 * the library does. Every other frame, and every frame after one that is not whole, the library reads.
 */
final class MaskedFramesDraft extends Draft_6455 {

    private static final Logger LOG = LoggerFactory.getLogger(MaskedFramesDraft.class);
    private static final int MASK_BIT = 0x80;
    private static final int FIN_BIT = 0x80;
    private static final int RSV_BITS = 0x70;
    private static final int OPCODE_BITS = 0x0f;
    private static final int TEXT = 1;
    private static final int CONTINUATION = 0;
    private static final int KEY_BYTES = 4;

    private final List<IExtension> extensions;
    private final List<IProtocol> protocols;
    private final int maxFrameBytes;
    /** Bytes of the current frame's payload still to come; 0 between frames. */
    private long payloadLeft;
    /** Whether this draft unmasks the current frame's payload (its header was taken out whole), with which key, where. */
    private boolean unmasking;
    private final byte[] key = new byte[KEY_BYTES];
    private int keyPhase;
    /** A frame header split over two reads, so far. */
    private final byte[] header = new byte[14];
    private int headerBytes;
    /** Whether a fragmented message has begun and not ended: a text frame now is the library's to refuse. */
    private boolean fragmented;
    /**
     * The frames whose header the last walk found whole, in buffer positions after the rewrite: where
     * each payload starts, how long it is, and whether it is a text frame this draft may read itself.
     */
    private int[] payloadStarts = new int[4];
    private int[] payloadLengths = new int[4];
    private boolean[] readable = new boolean[4];
    private int frameCount;
    /** Where the first of them starts: the bytes before it end a frame the library holds the start of. */
    private int firstFrameStart;

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
        if (!buffer.hasArray() || buffer.isReadOnly()) {
            checkMasks(buffer.duplicate());
            return super.translateFrame(buffer);
        }
        boolean midFrame = payloadLeft > 0 || headerBytes > 0; // the library holds the start of that frame
        unmaskInPlace(buffer);
        int limit = buffer.limit();
        List<Framedata> frames = new ArrayList<>(2);
        if (midFrame) {
            buffer.limit(frameCount > 0 ? firstFrameStart : limit);
            frames.addAll(super.translateFrame(buffer));
            buffer.limit(limit);
        }
        for (int i = 0; i < frameCount; i++) {
            int end = payloadStarts[i] + payloadLengths[i];
            if (!readable[i] || end > limit) {
                break;
            }
            frames.add(new ReadText(text(buffer.array(), buffer.arrayOffset() + payloadStarts[i], payloadLengths[i])));
            buffer.position(end);
        }
        if (buffer.hasRemaining()) {
            frames.addAll(super.translateFrame(buffer));
        }
        return frames;
    }

    @Override
    public void processFrame(WebSocketImpl webSocket, Framedata frame) throws InvalidDataException {
        if (!(frame instanceof ReadText read)) {
            super.processFrame(webSocket, frame);
            return;
        }
        try {
            webSocket.getWebSocketListener().onWebsocketMessage(webSocket, read.text);
        } catch (RuntimeException e) {
            // as the library does for a text frame it read
            LOG.error("Runtime exception during onWebsocketMessage", e);
            webSocket.getWebSocketListener().onWebsocketError(webSocket, e);
        }
    }

    /** A text frame this draft read, as its text; the library never sees it but to hand it back to {@link #processFrame}. */
    static final class ReadText extends TextFrame {
        private final String text;

        ReadText(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    /** UTF-8 to text, refusing what is not UTF-8 as RFC 6455 section 8.1 asks (1007). */
    private static String text(byte[] bytes, int offset, int length) throws InvalidDataException {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (bytes[i] < 0) {
                CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
                try {
                    return utf8.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
                } catch (CharacterCodingException e) {
                    throw new InvalidDataException(CloseFrame.NO_UTF8, e);
                }
            }
        }
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1); // ASCII: the same text, no decoder
    }

    /**
     * Rewrites the bytes between position and limit: each frame whose header is whole here loses
     * its mask (bit and key) and has its payload unmasked; the limit moves back by the keys taken out.
     */
    private void unmaskInPlace(ByteBuffer buffer) throws InvalidFrameException {
        byte[] a = buffer.array();
        int base = buffer.arrayOffset();
        int read = base + buffer.position();
        int write = read;
        int end = base + buffer.limit();
        frameCount = 0;
        while (read < end) {
            if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, end - read);
                if (unmasking) {
                    for (int i = 0; i < n; i++) {
                        a[write + i] = (byte) (a[read + i] ^ key[(keyPhase + i) & 3]);
                    }
                    keyPhase = (keyPhase + n) & 3;
                } else if (write != read) {
                    System.arraycopy(a, read, a, write, n);
                }
                read += n;
                write += n;
                payloadLeft -= n;
                continue;
            }
            if (headerBytes == 0 && end - read >= 2) {
                int lengthCode = a[read + 1] & 0x7f;
                int lengthBytes = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
                if ((a[read + 1] & MASK_BIT) == 0) {
                    throw notMasked();
                }
                int headerLength = 2 + lengthBytes + KEY_BYTES;
                if (end - read >= headerLength) {
                    System.arraycopy(a, read, header, 0, 2 + lengthBytes);
                    System.arraycopy(a, read + 2 + lengthBytes, key, 0, KEY_BYTES);
                    System.arraycopy(header, 0, a, write, 2 + lengthBytes);
                    a[write + 1] = (byte) (a[write + 1] & ~MASK_BIT);
                    payloadLeft = payloadLength();
                    unmasking = true;
                    keyPhase = 0;
                    if (frameCount == payloadStarts.length) {
                        payloadStarts = Arrays.copyOf(payloadStarts, frameCount * 2);
                        payloadLengths = Arrays.copyOf(payloadLengths, frameCount * 2);
                        readable = Arrays.copyOf(readable, frameCount * 2);
                    }
                    if (frameCount == 0) {
                        firstFrameStart = write - base;
                    }
                    payloadStarts[frameCount] = write - base + 2 + lengthBytes;
                    payloadLengths[frameCount] = (int) Math.min(payloadLeft, Integer.MAX_VALUE);
                    readable[frameCount] = (header[0] & (FIN_BIT | RSV_BITS | OPCODE_BITS)) == (FIN_BIT | TEXT)
                            && !fragmented && payloadLeft <= maxFrameBytes;
                    frameCount++;
                    noteFragments(header[0]);
                    read += headerLength;
                    write += 2 + lengthBytes;
                    continue;
                }
            }
            // a header split over reads: its first bytes are with the library already, so the frame stays masked
            header[headerBytes++] = a[read];
            a[write++] = a[read++];
            startFrameIfHeaderWhole();
        }
        buffer.limit(write - base);
    }

    /** Keeps track of fragmented messages: a data frame without FIN begins one, a continuation with FIN ends it. */
    private void noteFragments(byte first) {
        int opcode = first & OPCODE_BITS;
        boolean fin = (first & FIN_BIT) != 0;
        if (opcode == CONTINUATION) {
            fragmented = fragmented && !fin;
        } else if (opcode < 8) { // a data frame; control frames (8 and up) come between fragments
            fragmented = !fin;
        }
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
            startFrameIfHeaderWhole();
        }
    }

    /** Once the header in {@link #header} is whole: checks its mask, and the frame's payload comes next, masked. */
    private void startFrameIfHeaderWhole() throws InvalidFrameException {
        int needed = headerLength();
        if (needed < 0 || headerBytes < needed) {
            return;
        }
        if ((header[1] & MASK_BIT) == 0) {
            throw notMasked();
        }
        payloadLeft = payloadLength();
        unmasking = false;
        headerBytes = 0;
        noteFragments(header[0]);
    }

    private static InvalidFrameException notMasked() {
        return new InvalidFrameException("a client frame that is not masked (RFC 6455 section 5.1)");
    }

    /** The whole header's length once enough of it is known, else -1. */
    private int headerLength() {
        if (headerBytes < 2) {
            return -1;
        }
        int length = header[1] & 0x7f;
        int mask = (header[1] & MASK_BIT) != 0 ? KEY_BYTES : 0;
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
