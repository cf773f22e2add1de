package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextFramesTest {

    /** Each length form (7, 16 and 64 bits) at its edges, and text whose UTF-8 is longer than its chars. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 127, 65_535, 65_536, 200_000})
    void writesTheBytesJavaWebSocketWrites(int length) {
        String text = "[3,\"1\",{\"data\":\"" + "é€x".repeat(length / 3) + "x".repeat(length % 3) + "\"}]";

        assertThat(TextFrames.of(text)).isEqualTo(library(text));
    }

    private static ByteBuffer library(String text) {
        Draft_6455 draft = new Draft_6455();
        List<Framedata> frames = draft.createFrames(text, false);
        assertThat(frames).hasSize(1);
        return draft.createBinaryFrame(frames.get(0));
    }
}
