package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers are written from the thread that makes them ({@link ConnectionChannel#send}) until the
 * socket takes no more; the rest waits and then goes the library's way. A station that sends many
 * calls and reads nothing for a while must still get every answer, whole and in order, on a plain
 * and on a TLS connection.
 */
class SlowReaderTest {

    private static final String PASSWORD = "changeit";
    private static final int CALLS = 5_000;

    @TempDir
    Path temp;

    @Test
    void aStationThatReadsLateGetsEveryAnswerWholeAndInOrder() throws Exception {
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder().build())) {
            try (Socket socket = new Socket()) {
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
                assertEveryAnswerArrivesAfterTheSocketFilled(cs, socket, null);
            }
        }
    }

    @Test
    void soDoesOneOnTls() throws Exception {
        Path keystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), PASSWORD, List.of("127.0.0.1"));
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .securityProfile(SecurityProfile.TLS_BASIC).authorizationKey("s3cret")
                .sslContext(TlsSupport.serverContext(keystore, PASSWORD, null, null)).build())) {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(TlsSupport.load(keystore, PASSWORD));
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trust.getTrustManagers(), null);
            try (Socket plain = new Socket()) {
                plain.setReceiveBufferSize(4096);
                plain.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
                try (Socket socket = client.getSocketFactory().createSocket(plain, "127.0.0.1", cs.port(), true)) {
                    assertEveryAnswerArrivesAfterTheSocketFilled(cs, socket,
                            Base64.getEncoder().encodeToString("CP-1:s3cret".getBytes(StandardCharsets.US_ASCII)));
                }
            }
        }
    }

    private static void assertEveryAnswerArrivesAfterTheSocketFilled(CentralSystem cs, Socket socket, String basicAuth)
            throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        RawUpgrade.perform(out, in, "/ocpp/CP-1", basicAuth == null ? "" : "Authorization: Basic " + basicAuth + "\r\n");
        WebSocketImpl webSocket = (WebSocketImpl) cs.awaitSession("CP-1", Duration.ofSeconds(5)).socket();
        ConnectionChannel channel = Connections.channelOf(webSocket);
        // a small send buffer stands for a slow link: loopback's would otherwise take megabytes
        channel.socket.setOption(StandardSocketOptions.SO_SNDBUF, 4096);

        byte[] calls = heartbeats(CALLS);
        Thread writer = new Thread(() -> {
            try {
                out.write(calls);
                out.flush();
            } catch (IOException e) {
                // the reads below fail with the reason
            }
        }, "slow-reader-writes");
        writer.start();

        await("the central system has answers the socket does not take yet").atMost(Duration.ofSeconds(20))
                .until(() -> channel.isNeedWrite() || !webSocket.outQueue.isEmpty());
        for (int i = 1; i <= CALLS; i++) {
            assertThat(readTextFrame(in)).as("answer %d of %d", i, CALLS).startsWith("[3,\"" + i + "\",{\"currentTime\":\"");
        }
    }

    /** Heartbeat CALLs with ids 1..count, each a masked frame as a client must send it. */
    private static byte[] heartbeats(int count) {
        Draft_6455 client = new Draft_6455();
        client.setParseMode(Role.CLIENT); // a client's frames are masked
        ByteBuffer all = ByteBuffer.allocate(count * 64);
        for (int i = 1; i <= count; i++) {
            for (Framedata frame : client.createFrames("[2,\"" + i + "\",\"Heartbeat\",{}]", true)) {
                all.put(client.createBinaryFrame(frame));
            }
        }
        all.flip();
        byte[] bytes = new byte[all.remaining()];
        all.get(bytes);
        return bytes;
    }

    /** One unmasked text frame from the server (RFC 6455 5.2), whole. */
    private static String readTextFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        assertThat(first).as("FIN and the text opcode").isEqualTo(0x81);
        int second = in.readUnsignedByte();
        assertThat(second & 0x80).as("a server's frame is not masked").isZero();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }
}
