package io.chargecheck.filetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings and the choice of protocol per station, as the suite uses them. */
class FileServerTest {

    @Test
    void readsTheSettings() {
        assertThat(FileTransferMode.parse(null)).isEqualTo(FileTransferMode.FTP);
        assertThat(FileTransferMode.parse(" ")).isEqualTo(FileTransferMode.FTP);
        assertThat(FileTransferMode.parse("HTTPS")).isEqualTo(FileTransferMode.HTTPS);
        assertThat(FileTransferMode.parse(" auto ")).isEqualTo(FileTransferMode.AUTO);
        assertThatThrownBy(() -> FileTransferMode.parse("sftp"))
                .hasMessage("file transfer 'sftp' is not one of ftp, http, https, auto");

        assertThat(PortRange.parse("50000-50010")).isEqualTo(new PortRange(50000, 50010));
        assertThat(PortRange.parse(" 50000 - 50010 ").size()).isEqualTo(11);
        assertThat(PortRange.parse("2121")).hasToString("2121");
        assertThatThrownBy(() -> PortRange.parse("50010-50000")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> PortRange.parse("0-10")).hasMessageContaining("not valid");
        assertThatThrownBy(() -> PortRange.parse("a-b")).hasMessage("port range 'a-b' is not valid: expected e.g. 50000-50010");

        assertThatThrownBy(() -> FileServerConfig.builder().mode(FileTransferMode.HTTPS).build())
                .hasMessageContaining("https needs a certificate");
        assertThatThrownBy(() -> FileServerConfig.builder().ftpPort(70000).build()).hasMessageContaining("ftpPort 70000");
        assertThat(FileServerConfig.builder().bindHost("0.0.0.0").build().advertisedHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void inAutoModeEachStationGetsTheProtocolItSupportsThatTheServerPrefers() throws IOException {
        try (FileServer server = FileServer.start(FileServerConfig.builder().mode(FileTransferMode.AUTO)
                .sslContext(TestSupport.sessionCertificate().server()).build())) {
            assertThat(server.protocols()).containsExactlyInAnyOrder(Protocol.FTP, Protocol.HTTP, Protocol.HTTPS);

            assertThat(server.choose("CP-FTP", List.of("FTP", "HTTP", "HTTPS"))).hasValue(Protocol.FTP);
            assertThat(server.choose("CP-WEB", List.of(" https", "ftps", "Http "))).hasValue(Protocol.HTTP);
            assertThat(server.choose("CP-TLS", List.of("HTTPS"))).hasValue(Protocol.HTTPS);
            assertThat(server.choose("CP-FTPS", List.of("FTPS", "SFTP"))).isEmpty();

            assertThat(server.uploadLocation("CP-FTP")).hasScheme("ftp");
            assertThat(server.uploadLocation("CP-WEB")).hasScheme("http");
            assertThat(server.serve("CP-TLS", "fw.bin", new byte[] {4})).hasScheme("https");
            assertThat(server.protocolFor("CP-FTPS")).as("nothing in common: the default").isEqualTo(Protocol.FTP);

            // each station fetches over its own protocol, and nothing it does shows at another
            byte[] firmware = TestSupport.content(10_000, 5);
            FileTransferClient client = new FileTransferClient(Duration.ofSeconds(5), TestSupport.sessionCertificate().client());
            for (String station : List.of("CP-FTP", "CP-WEB", "CP-TLS")) {
                assertThat(client.download(server.serve(station, "fw.bin", firmware))).isEqualTo(firmware);
                client.upload(server.uploadLocation(station), station + ".log", new byte[] {1, 2});
            }
            for (String station : List.of("CP-FTP", "CP-WEB", "CP-TLS")) {
                assertThat(server.transfers(station)).hasSize(2).allSatisfy(transfer -> {
                    assertThat(transfer.chargePointId()).isEqualTo(station);
                    assertThat(transfer.protocol()).isEqualTo(server.protocolFor(station));
                    assertThat(transfer.complete()).isTrue();
                });
                assertThat(server.uploadedFileNames(station)).containsExactly(station + ".log");
            }
        }
    }

    @Test
    void aFixedModeServesOnlyItsProtocol() {
        try (FileServer server = FileServer.start(FileServerConfig.builder().mode(FileTransferMode.HTTP).build())) {
            assertThat(server.protocols()).containsExactly(Protocol.HTTP);
            assertThat(server.protocolFor("CP-1")).isEqualTo(Protocol.HTTP);
            URI location = server.uploadLocation("CP-1");
            assertThat(location).hasScheme("http").hasNoUserInfo();
            assertThat(server.choose("CP-1", List.of("FTP"))).isEmpty();
            assertThatThrownBy(() -> server.useProtocol("CP-1", Protocol.FTP)).hasMessageContaining("does not run FTP");
            assertThatThrownBy(() -> server.port(Protocol.FTP)).hasMessageContaining("does not run FTP");
            assertThatThrownBy(() -> server.serve("CP-1", "../fw.bin", new byte[0])).hasMessageContaining("plain file name");
            assertThat(server.firewallLine()).isEqualTo("File server on 127.0.0.1 (stations reach it as 127.0.0.1): HTTP port "
                    + server.port(Protocol.HTTP) + " (random)");
            assertThat(server.transfers("CP-unknown")).isEmpty();
            assertThat(server.uploaded("CP-unknown", "x")).isEmpty();
        }
    }

    @Test
    void theFirewallLineSaysWhichPortsAreRandom() {
        try (FileServer server = FileServer.start(FileServerConfig.builder().bindHost("127.0.0.1").advertisedHost("10.0.0.5")
                .build())) {
            assertThat(server.firewallLine()).isEqualTo("File server on 127.0.0.1 (stations reach it as 10.0.0.5): "
                    + "FTP control port " + server.port(Protocol.FTP) + " (random: set chargecheck.ftp.port), "
                    + "FTP passive ports: any (set chargecheck.ftp.passivePorts, e.g. 50000-50010)");
            assertThat(server.uploadLocation("CP-1").getHost()).isEqualTo("10.0.0.5");
        }
    }
}
