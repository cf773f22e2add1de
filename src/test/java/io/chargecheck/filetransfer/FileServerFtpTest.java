package io.chargecheck.filetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.chargecheck.filetransfer.Transfer.Direction;
import io.chargecheck.filetransfer.Transfer.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The file server over FTP, with the simulator's client and with commons-net as a charger would use it. */
@Isolated("it sets system properties or captures the console that every other test writes to")
class FileServerFtpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final FileTransferClient client = new FileTransferClient(Duration.ofSeconds(5));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void servesEachStationItsOwnFileAndRecordsWhoFetchedIt() throws IOException {
        FileServer server = start(FileServerConfig.builder().advertisedHost("localhost"));
        byte[] first = "firmware for CP-1".getBytes(StandardCharsets.UTF_8);
        byte[] second = "firmware for the other one".getBytes(StandardCharsets.UTF_8);
        String oddId = "CP/2 ../%";

        URI one = server.serve("CP-1", "cc-2.0.0.bin", first);
        URI two = server.serve(oddId, "cc-2.0.0.bin", second);

        assertThat(one.getScheme()).isEqualTo("ftp");
        assertThat(one.getUserInfo()).isEqualTo("chargecheck:chargecheck");
        assertThat(one.getHost()).isEqualTo("localhost");
        assertThat(one.getPort()).isEqualTo(server.port(Protocol.FTP));
        assertThat(one.getPath()).matches("/CP-1-[0-9a-f]{16}/firmware/cc-2\\.0\\.0\\.bin");
        assertThat(two.getPath()).matches("/CP_2_____-[0-9a-f]{16}/firmware/cc-2\\.0\\.0\\.bin");
        assertThat(client.download(one)).isEqualTo(first);
        assertThat(client.download(two)).isEqualTo(second);

        assertThat(server.transfers("CP-1")).singleElement().satisfies(transfer -> {
            assertThat(transfer.chargePointId()).isEqualTo("CP-1");
            assertThat(transfer.direction()).isEqualTo(Direction.DOWNLOAD);
            assertThat(transfer.protocol()).isEqualTo(Protocol.FTP);
            assertThat(transfer.fileName()).isEqualTo("cc-2.0.0.bin");
            assertThat(transfer.status()).isEqualTo(Status.COMPLETE);
            assertThat(transfer.bytes()).isEqualTo(first.length);
            assertThat(transfer.fileSize()).isEqualTo(first.length);
            assertThat(transfer.deliveredWholeFile()).isTrue();
            assertThat(transfer.ended()).isAfterOrEqualTo(transfer.started());
            assertThat(transfer.remoteAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(server.transfers(oddId)).singleElement()
                .satisfies(transfer -> assertThat(transfer.bytes()).isEqualTo(second.length));
        assertThat(server.transfers("CP-3")).isEmpty();
    }

    @Test
    void keepsEachStationsUploadsApart() throws IOException {
        FileServer server = start(FileServerConfig.builder());
        URI location = server.uploadLocation("CP-1");
        assertThat(location.getPath()).matches("/CP-1-[0-9a-f]{16}/diagnostics/");

        client.upload(location, "diag.log", "line 1\n".getBytes(StandardCharsets.UTF_8));
        // a charger that changes into the directory first and stores a relative name
        FTPClient ftp = loggedIn(server);
        assertThat(ftp.changeWorkingDirectory(server.uploadLocation("CP-2").getPath())).isTrue();
        assertThat(ftp.storeFile("diag.log", new ByteArrayInputStream("other\n".getBytes(StandardCharsets.UTF_8)))).isTrue();
        ftp.disconnect();

        assertThat(server.uploaded("CP-1", "diag.log")).hasValueSatisfying(
                content -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("line 1\n"));
        assertThat(server.uploaded("CP-2", "diag.log")).hasValueSatisfying(
                content -> assertThat(new String(content, StandardCharsets.UTF_8)).isEqualTo("other\n"));
        assertThat(server.uploadedFileNames("CP-1")).containsExactly("diag.log");
        assertThat(server.uploaded("CP-1", "other.log")).isEmpty();
        assertThat(server.transfers("CP-2")).singleElement().satisfies(transfer -> {
            assertThat(transfer.direction()).isEqualTo(Direction.UPLOAD);
            assertThat(transfer.status()).isEqualTo(Status.COMPLETE);
            assertThat(transfer.bytes()).isEqualTo(6);
            assertThat(transfer.fileSize()).isEqualTo(6);
        });
    }

    @Test
    void aStationCannotListTheOthersOrReplaceItsFirmware() throws IOException {
        FileServer server = start(FileServerConfig.builder());
        URI firmware = server.serve("CP-1", "fw.bin", new byte[] {1, 2, 3});
        server.uploadLocation("CP-2");
        FTPClient ftp = loggedIn(server);

        assertThat(ftp.listNames("/")).isNull(); // refused: the tokens stay secret
        assertThat(ftp.getReplyCode()).isEqualTo(550);
        assertThat(ftp.storeFile(firmware.getPath(), new ByteArrayInputStream(new byte[] {9}))).isFalse();
        assertThat(ftp.retrieveFile("/CP-2/firmware/fw.bin", new ByteArrayOutputStream())).isFalse();
        ftp.disconnect();
        assertThat(client.download(firmware)).containsExactly(1, 2, 3);
    }

    @Test
    void aDownloadCutOffMidwayIsRecordedAsIncomplete() throws IOException {
        FileServer server = start(FileServerConfig.builder());
        byte[] firmware = TestSupport.content(4 * 1024 * 1024, 12);
        URI url = server.serve("CP-1", "big.bin", firmware);
        FTPClient ftp = loggedIn(server);
        ftp.setReceieveDataSocketBufferSize(4096); // so the file cannot vanish into buffers

        InputStream data = ftp.retrieveFileStream(url.getPath());
        assertThat(data.readNBytes(64 * 1024)).hasSize(64 * 1024);
        await().atMost(WAIT).until(() -> server.transfers("CP-1").get(0).bytes() >= 64 * 1024);
        assertThat(server.transfers("CP-1").get(0)).as("readable while it runs").satisfies(running -> {
            assertThat(running.status()).isEqualTo(Status.RUNNING);
            assertThat(running.ended()).isNull();
        });
        data.close(); // what a charger losing power does to the data connection

        await().atMost(WAIT).until(() -> server.transfers("CP-1").get(0).status() != Status.RUNNING);
        Transfer transfer = server.transfers("CP-1").get(0);
        assertThat(transfer.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(transfer.bytes()).isBetween(64L * 1024, firmware.length - 1L);
        assertThat(transfer.fileSize()).isEqualTo(firmware.length);
        assertThat(transfer.deliveredWholeFile()).isFalse();
        assertThat(transfer.detail()).startsWith("the data connection failed");
        assertThat(ftp.completePendingCommand()).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(426);
        ftp.disconnect();
    }

    @Test
    void refusesAnUploadOverTheLimitWithoutStoringIt() throws IOException {
        FileServer server = start(FileServerConfig.builder().uploadLimit(1024));
        URI location = server.uploadLocation("CP-1");

        assertThatThrownBy(() -> client.upload(location, "huge.log", new byte[64 * 1024]))
                .isInstanceOf(IOException.class).hasMessageContaining("552");
        client.upload(location, "small.log", new byte[1024]);

        assertThat(server.uploadedFileNames("CP-1")).containsExactly("small.log");
        assertThat(server.transfers("CP-1")).extracting(Transfer::fileName, Transfer::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("huge.log", Status.REFUSED),
                        org.assertj.core.groups.Tuple.tuple("small.log", Status.COMPLETE));
        assertThat(server.transfers("CP-1").get(0).bytes()).isLessThanOrEqualTo(1024 + FtpConnections.CHUNK);
    }

    @Test
    void givesPassivePortsOnlyFromTheRangeAndTheControlPortItIsTold() throws IOException {
        PortRange passive = TestSupport.freePorts(3);
        int control = TestSupport.freePorts(1).first();
        FileServer server = start(FileServerConfig.builder().ftpPort(control).passivePorts(passive));
        URI url = server.serve("CP-1", "fw.bin", TestSupport.content(100_000, 1));

        assertThat(server.port(Protocol.FTP)).isEqualTo(control);
        assertThat(url.getPort()).isEqualTo(control);
        FTPClient ftp = loggedIn(server);
        for (int i = 0; i < 5; i++) {
            assertThat(ftp.pasv()).isEqualTo(227);
            assertThat(passive.contains(pasvPort(ftp.getReplyString()))).as(ftp.getReplyString()).isTrue();
            assertThat(ftp.epsv()).isEqualTo(229);
            assertThat(passive.contains(epsvPort(ftp.getReplyString()))).as(ftp.getReplyString()).isTrue();
        }
        ftp.disconnect();
        for (int i = 0; i < 4; i++) { // more transfers than ports: each gives its port back
            assertThat(client.download(url)).hasSize(100_000);
        }
        assertThat(server.firewallLine()).contains("FTP control port " + control + ",")
                .contains("FTP passive ports " + passive);
    }

    @Test
    void aPassivePortHeldByOneStationIsRefusedToAnotherUntilItHangsUp() throws IOException {
        PortRange onePort = TestSupport.freePorts(1);
        FileServer server = start(FileServerConfig.builder().passivePorts(onePort));
        FTPClient holder = loggedIn(server);
        FTPClient other = loggedIn(server);

        assertThat(holder.pasv()).isEqualTo(227);
        assertThat(other.pasv()).isEqualTo(425);
        assertThat(other.getReplyString()).contains("every passive port " + onePort + " is in use");
        assertThat(other.sendNoOp()).isTrue(); // refused, not disconnected
        holder.disconnect(); // no QUIT: a charger that just closes the connection

        await().atMost(WAIT).until(() -> other.pasv() == 227);
        other.disconnect();
    }

    @Test
    void aControlPortInUseIsOneClearError() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> FileServer.start(FileServerConfig.builder().ftpPort(taken.getLocalPort()).build()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("cannot listen for FTP on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("chargecheck.ftp.port");
        }
    }

    @Test
    void answersFeatOptsAndUnknownCommandsWithoutAWarningEach() throws IOException {
        FileServer server = start(FileServerConfig.builder());
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            FTPClient ftp = loggedIn(server);
            assertThat(ftp.features()).isTrue();
            List<String> feat = List.of(ftp.getReplyStrings());
            assertThat(feat.get(0)).startsWith("211-");
            assertThat(feat).contains(" EPSV", " PASV", " SIZE");
            assertThat(feat.get(feat.size() - 1)).startsWith("211 ");
            assertThat(ftp.sendCommand("OPTS", "UTF8 ON")).isEqualTo(200);
            assertThat(ftp.sendCommand("OPTS", "MLST type;size")).isEqualTo(501);
            for (int i = 0; i < 3; i++) {
                assertThat(ftp.sendCommand("XYZZY")).isEqualTo(502);
                assertThat(ftp.sendCommand("MDTM", "/x")).isEqualTo(502);
            }
            assertThat(ftp.sendCommand("REST", "100")).isEqualTo(502); // no resume: it would restart at byte 0
            assertThat(ftp.sendNoOp()).isTrue();
            ftp.disconnect();
        } finally {
            System.setErr(original);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").doesNotContain("ERROR");
    }

    private FileServer start(FileServerConfig.Builder config) {
        FileServer server = FileServer.start(config.build());
        open.add(server);
        return server;
    }

    private static FTPClient loggedIn(FileServer server) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(5000);
        ftp.connect("127.0.0.1", server.port(Protocol.FTP));
        assertThat(ftp.login("chargecheck", "chargecheck")).isTrue();
        ftp.enterLocalPassiveMode();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        return ftp;
    }

    private static int pasvPort(String reply) {
        Matcher m = Pattern.compile("\\((\\d+),(\\d+),(\\d+),(\\d+),(\\d+),(\\d+)\\)").matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return Integer.parseInt(m.group(5)) * 256 + Integer.parseInt(m.group(6));
    }

    private static int epsvPort(String reply) {
        Matcher m = Pattern.compile("\\(\\|\\|\\|(\\d+)\\|\\)").matcher(reply);
        assertThat(m.find()).as(reply).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
