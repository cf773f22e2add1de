package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;

/**
 * Java-WebSocket 1.6.0 can leave a frame queued with no write pending (see
 * {@link Connections#flushStalledWrite}). The race is too narrow to provoke on demand, so this
 * test builds the state it leaves behind and checks the central system still delivers the frame.
 */
class StalledWriteTest {

    @Test
    void deliversAFrameThatWasQueuedWithoutAWriteDemand() throws Exception {
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder().build())) {
            TestStation station = TestStation.connect(cs.url() + "/CP-1");
            station.awaitOpen();
            WebSocketImpl socket = (WebSocketImpl) cs.awaitSession("CP-1", Duration.ofSeconds(5)).socket();

            // queued as send() queues it, but without the write demand send() would make
            String text = "[2,\"stranded\",\"ClearCache\",{}]";
            for (Framedata frame : socket.getDraft().createFrames(text, false)) {
                socket.outQueue.put(socket.getDraft().createBinaryFrame(frame));
            }

            assertThat(station.next()).isEqualTo(text);
            station.close();
        }
    }
}
