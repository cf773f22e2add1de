package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A WebSocket opening handshake by hand, with subprotocol ocpp1.6, for tests that then speak raw frames. */
final class RawUpgrade {

    private RawUpgrade() {
    }

    /** Sends the upgrade request for the path (with these extra header lines) and asserts the 101 that answers it. */
    static void perform(OutputStream out, InputStream in, String path, String extraHeaders) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: ocpp1.6\r\n" + extraHeaders + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder response = new StringBuilder();
        while (!response.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            response.append((char) b);
        }
        assertThat(response.toString()).as("handshake answer").startsWith("HTTP/1.1 101");
    }
}
