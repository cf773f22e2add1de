package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Opcode;
import org.java_websocket.enums.Role;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.exceptions.InvalidFrameException;
import org.java_websocket.framing.BinaryFrame;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.ContinuousFrame;
import org.java_websocket.framing.DataFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.framing.TextFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The draft unmasks in place what it can and leaves the rest to the library: whatever the frames
 * and wherever the reads split them, the library must read the very frames the client sent.
 */
class MaskedFramesDraftTest {

    private static final int MAX_FRAME = 1 << 20;

    /** Frames of every length form, split at random points into heap buffers, some of them slices. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void theLibraryReadsTheFramesTheClientSentWhereverTheReadsSplitThem(long seed) throws InvalidDataException {
        Random random = new Random(seed);
        List<Framedata> sent = new ArrayList<>();
        List<ByteBuffer> payloads = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Draft_6455 client = new Draft_6455();
        client.setParseMode(Role.CLIENT);
        for (int i = 0; i < 300; i++) {
            Framedata frame = randomFrame(random);
            sent.add(frame);
            payloads.add(frame.getPayloadData().duplicate()); // writing the frame reads its payload
            ByteBuffer bytes = client.createBinaryFrame(frame);
            wire.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        }
        byte[] all = wire.toByteArray();

        MaskedFramesDraft draft = draft();
        List<Framedata> read = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            int chunk = Math.min(all.length - at, random.nextInt(5) == 0 ? 1 + random.nextInt(13) : 1 + random.nextInt(40_000));
            read.addAll(draft.translateFrame(buffer(random, all, at, chunk)));
            at += chunk;
        }

        assertThat(read).hasSameSizeAs(sent);
        boolean fragmented = false;
        int readHere = 0;
        for (int i = 0; i < sent.size(); i++) {
            Framedata frame = read.get(i);
            assertThat(frame.getOpcode()).as("opcode of frame %d", i).isEqualTo(sent.get(i).getOpcode());
            assertThat(frame.isFin()).as("FIN of frame %d", i).isEqualTo(sent.get(i).isFin());
            if (frame instanceof MaskedFramesDraft.ReadText text) {
                readHere++;
                assertThat(fragmented).as("frame %d read by the draft inside a fragmented message", i).isFalse();
                assertThat(text.text()).as("text of frame %d", i).isEqualTo(StandardCharsets.UTF_8.decode(payloads.get(i)).toString());
            } else {
                assertThat(frame.getPayloadData()).as("payload of frame %d", i).isEqualTo(payloads.get(i));
            }
            Opcode opcode = frame.getOpcode();
            if (opcode == Opcode.CONTINUOUS) {
                fragmented = fragmented && !frame.isFin();
            } else if (opcode == Opcode.TEXT || opcode == Opcode.BINARY) {
                fragmented = !frame.isFin();
            }
        }
        assertThat(readHere).as("text frames the draft read itself").isPositive();
    }

    @Test
    void refusesAFrameThatIsNotMaskedWhetherItsHeaderIsWholeOrSplit() {
        ByteBuffer unmasked = TextFrames.of("[2,\"1\",\"Heartbeat\",{}]");

        assertThatThrownBy(() -> draft().translateFrame(unmasked.duplicate()))
                .isInstanceOf(InvalidFrameException.class).hasMessageContaining("not masked");
        MaskedFramesDraft split = draft();
        assertThatThrownBy(() -> {
            split.translateFrame(ByteBuffer.wrap(new byte[] {unmasked.get(0)}));
            split.translateFrame(ByteBuffer.wrap(new byte[] {unmasked.get(1)}));
        }).isInstanceOf(InvalidFrameException.class).hasMessageContaining("not masked");
    }

    @Test
    void refusesATextFrameThatIsNotUtf8WithTheCloseCodeForIt() {
        Draft_6455 client = new Draft_6455();
        client.setParseMode(Role.CLIENT);
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap(new byte[] {'[', (byte) 0xC3, '"', ']'}));
        ByteBuffer bytes = client.createBinaryFrame(frame);

        assertThatThrownBy(() -> draft().translateFrame(bytes)).isInstanceOfSatisfying(InvalidDataException.class,
                e -> assertThat(e.getCloseCode()).isEqualTo(CloseFrame.NO_UTF8));
    }

    @Test
    void leavesAReadOnlyBufferAsItIsAndStillReadsIt() throws InvalidDataException {
        Draft_6455 client = new Draft_6455();
        client.setParseMode(Role.CLIENT);
        TextFrame frame = new TextFrame();
        frame.setPayload(ByteBuffer.wrap("[2,\"1\",\"Heartbeat\",{}]".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer payload = frame.getPayloadData().duplicate();
        ByteBuffer bytes = client.createBinaryFrame(frame);
        byte[] sent = new byte[bytes.remaining()];
        bytes.duplicate().get(sent);

        List<Framedata> read = draft().translateFrame(bytes.asReadOnlyBuffer());

        assertThat(read).singleElement().satisfies(f -> assertThat(f.getPayloadData()).isEqualTo(payload));
        assertThat(bytes.rewind()).as("the bytes as they came").isEqualTo(ByteBuffer.wrap(sent));
    }

    private static MaskedFramesDraft draft() {
        return new MaskedFramesDraft(List.of(), List.of(), MAX_FRAME);
    }

    /**
     * The bytes in a heap buffer as the library's reads give them, or further into a larger array
     * (not a slice: the library itself reads a split frame's bytes from array() at position()).
     */
    private static ByteBuffer buffer(Random random, byte[] all, int at, int length) {
        if (random.nextBoolean()) {
            ByteBuffer read = ByteBuffer.allocate(length + random.nextInt(64));
            read.put(all, at, length).flip();
            return read;
        }
        int offset = 1 + random.nextInt(16);
        byte[] larger = new byte[offset + length + 8];
        System.arraycopy(all, at, larger, offset, length);
        return ByteBuffer.wrap(larger, offset, length);
    }

    private static Framedata randomFrame(Random random) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            PingFrame ping = new PingFrame();
            ping.setPayload(ByteBuffer.wrap(bytes(random, random.nextInt(126))));
            return ping;
        }
        int length = switch (random.nextInt(16)) {
            case 0, 1, 2, 3, 4 -> random.nextInt(126);
            case 5, 6, 7 -> 126 + random.nextInt(200);
            case 8 -> 65_536 + random.nextInt(5_000);
            default -> random.nextInt(3_000);
        };
        DataFrame frame = kind < 6 ? new TextFrame() : kind < 8 ? new BinaryFrame() : new ContinuousFrame();
        if (frame.getOpcode() == Opcode.TEXT) {
            String text = random.nextBoolean() ? "x".repeat(length) : "é€x".repeat(length / 3);
            frame.setPayload(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        } else {
            frame.setPayload(ByteBuffer.wrap(bytes(random, length)));
        }
        frame.setFin(random.nextInt(4) != 0);
        return frame;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
