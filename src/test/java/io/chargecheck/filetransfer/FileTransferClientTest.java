package io.chargecheck.filetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's side: what the client does when things go wrong, and ftps, which MockFtpServer cannot serve. */
class FileTransferClientTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void downloadsAndUploadsOverExplicitFtps() throws Exception {
        TestSupport.Tls tls = TestSupport.sessionCertificate();
        TinyFtpsServer server = new TinyFtpsServer(tls.server(), "cp", "s3cret");
        open.add(server);
        server.files.put("/firmware/fw.bin", "signed firmware".getBytes(StandardCharsets.UTF_8));
        FileTransferClient client = new FileTransferClient(TIMEOUT, tls.client());
        String base = "ftps://cp:s3cret@127.0.0.1:" + server.port();

        assertThat(client.download(URI.create(base + "/firmware/fw.bin"))).asString(StandardCharsets.UTF_8)
                .isEqualTo("signed firmware");
        client.upload(URI.create(base + "/diagnostics/"), "diag.log", "uploaded over TLS".getBytes(StandardCharsets.UTF_8));

        assertThat(server.files.get("/diagnostics/diag.log")).asString(StandardCharsets.UTF_8).isEqualTo("uploaded over TLS");
        assertThat(server.plainDataSeen).as("PROT P: the data connections were TLS too").isFalse();
        assertThatThrownBy(() -> new FileTransferClient(TIMEOUT).download(URI.create(base + "/firmware/fw.bin")))
                .as("a server whose certificate the client does not trust")
                .isInstanceOf(IOException.class).hasMessageStartingWith("download from ftps://cp:***@127.0.0.1:");
    }

    @Test
    void namesTheUrlButNeverItsPassword() throws IOException {
        FileServer server = FileServer.start(FileServerConfig.builder()
                .credentials(new FileServerConfig.Credentials("chargecheck", "pa ss:word")).build());
        open.add(server);
        URI served = server.serve("CP-1", "fw.bin", new byte[] {1});
        assertThat(served.getRawUserInfo()).isEqualTo("chargecheck:pa%20ss%3Aword");
        FileTransferClient client = new FileTransferClient(TIMEOUT);
        assertThat(client.download(served)).containsExactly(1);

        URI wrong = URI.create(served.toString().replace("pa%20ss%3Aword", "hunter2"));
        assertThatThrownBy(() -> client.download(wrong)).isInstanceOf(IOException.class)
                .hasMessageContaining("ftp://chargecheck:***@127.0.0.1:" + server.port(Protocol.FTP) + "/")
                .hasMessageContaining("login as 'chargecheck' refused")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        URI missing = URI.create(served.toString().replace("fw.bin", "none.bin"));
        assertThatThrownBy(() -> client.download(missing)).isInstanceOf(IOException.class)
                .hasMessageContaining("550").satisfies(e -> assertThat(e.getMessage()).doesNotContain("pa%20ss"));
    }

    @Test
    void refusesWhatItCannotSpeak() {
        FileTransferClient client = new FileTransferClient(TIMEOUT);

        assertThatThrownBy(() -> client.download(URI.create("sftp://cp:secret@host/fw.bin"))).isInstanceOf(IOException.class)
                .hasMessage("download from sftp://cp:***@host/fw.bin failed: only ftp, ftps, http and https are supported, not 'sftp'");
        assertThatThrownBy(() -> client.upload(URI.create("file:///tmp/"), "diag.log", new byte[0]))
                .isInstanceOf(IOException.class).hasMessageContaining("has no host");
        assertThatThrownBy(() -> client.upload(URI.create("ftp://host/"), "../escape", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givesUpOnAServerThatNeverAnswers() throws IOException {
        ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        open.add(silent);
        List<Socket> accepted = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(silent.accept()); // and never a word
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        FileTransferClient client = new FileTransferClient(Duration.ofMillis(300));

        assertThatThrownBy(() -> client.download(URI.create("ftp://127.0.0.1:" + silent.getLocalPort() + "/fw.bin")))
                .isInstanceOf(IOException.class).hasMessageContaining("no answer within 300 ms");
        assertThatThrownBy(() -> client.download(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/fw.bin")))
                .isInstanceOf(IOException.class).hasMessageContaining("no answer within 300 ms");
    }
}
