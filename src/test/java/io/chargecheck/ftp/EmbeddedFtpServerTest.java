package io.chargecheck.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedFtpServerTest {

    private final FtpTransfer ftp = new FtpTransfer(Duration.ofSeconds(5));
    private EmbeddedFtpServer server;

    @BeforeEach
    void start() {
        server = EmbeddedFtpServer.start("127.0.0.1", "localhost");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesAFileUnderTheAdvertisedHostWithCredentialsInTheUrl() throws IOException {
        byte[] firmware = "firmware 2.0.0".getBytes(StandardCharsets.UTF_8);

        URI url = server.serve("cc-2.0.0.bin", firmware);

        assertThat(server.port()).isPositive();
        assertThat(url).hasToString("ftp://chargecheck:chargecheck@localhost:" + server.port() + "/firmware/cc-2.0.0.bin");
        assertThat(ftp.download(url)).isEqualTo(firmware);
    }

    @Test
    void keepsWhatIsUploadedToTheDiagnosticsDirectory() throws IOException {
        URI location = server.uploadLocation();
        assertThat(location.getPath()).isEqualTo("/diagnostics/");
        assertThat(server.uploadedFileNames()).isEmpty();

        ftp.upload(location, "diag.log", "line 1\n".getBytes(StandardCharsets.UTF_8));

        assertThat(server.uploadedFileNames()).containsExactly("diag.log");
        assertThat(server.uploaded("diag.log")).hasValueSatisfying(
                content -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("line 1\n"));
        assertThat(server.uploaded("other.log")).isEmpty();
    }

    @Test
    void refusesAWrongPasswordAndAMissingFile() throws IOException {
        URI wrongPassword = URI.create("ftp://chargecheck:nope@127.0.0.1:" + server.port() + "/firmware/x.bin");
        assertThatThrownBy(() -> ftp.download(wrongPassword)).isInstanceOf(IOException.class).hasMessageContaining("login");

        URI missing = URI.create("ftp://chargecheck:chargecheck@127.0.0.1:" + server.port() + "/firmware/none.bin");
        assertThatThrownBy(() -> ftp.download(missing)).isInstanceOf(IOException.class).hasMessageContaining("refused");
    }

    @Test
    void listensOnlyOnTheBindHost() throws IOException {
        FTPClient client = new FTPClient();
        client.connect("127.0.0.1", server.port());
        try {
            assertThat(client.login("chargecheck", "chargecheck")).isTrue();
            assertThat(client.listNames("/firmware")).isEmpty();
        } finally {
            client.disconnect();
        }
        assertThat(server.uploadLocation().getHost()).isEqualTo("localhost");
    }
}
