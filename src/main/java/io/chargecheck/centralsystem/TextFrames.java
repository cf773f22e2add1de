package io.chargecheck.centralsystem;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A text frame as a server writes it (RFC 6455 section 5.2: FIN, opcode 1, no mask, the shortest
 * length form): the bytes Java-WebSocket's draft makes of it, in one buffer and one copy fewer.
 */
final class TextFrames {

    private static final byte FIN_TEXT = (byte) 0x81;
    private static final int SHORT_LENGTH_MAX = 125;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private TextFrames() {
    }

    static ByteBuffer of(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int length = payload.length;
        int header = length <= SHORT_LENGTH_MAX ? 2 : length <= 0xFFFF ? 4 : 10;
        ByteBuffer frame = ByteBuffer.allocate(header + length).put(FIN_TEXT);
        if (length <= SHORT_LENGTH_MAX) {
            frame.put((byte) length);
        } else if (length <= 0xFFFF) {
            frame.put((byte) LENGTH_16).putShort((short) length);
        } else {
            frame.put((byte) LENGTH_64).putLong(length);
        }
        return frame.put(payload).flip();
    }
}
