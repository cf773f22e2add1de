package io.chargecheck.filetransfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

import io.chargecheck.filetransfer.FileTransferClient.HttpUpload;
import io.chargecheck.filetransfer.Transfer.Direction;
import io.chargecheck.filetransfer.Transfer.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The file server over HTTP and HTTPS, with the simulator's client and as real chargers send. */
class FileServerHttpTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static TestSupport.Tls tls;

    private final HttpClient raw = HttpClient.newBuilder().connectTimeout(WAIT).build();
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void certificate() {
        tls = TestSupport.sessionCertificate();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void servesFirmwareOverHttpAndHttpsToTheStationItIsFor() throws IOException {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.AUTO).sslContext(tls.server()));
        server.useProtocol("CP-1", Protocol.HTTP);
        server.useProtocol("CP-2", Protocol.HTTPS);
        byte[] firmware = TestSupport.content(300_000, 7);

        URI plain = server.serve("CP-1", "fw 2.0.bin", firmware);
        URI secure = server.serve("CP-2", "fw 2.0.bin", firmware);

        assertThat(plain).hasScheme("http").hasPort(server.port(Protocol.HTTP));
        assertThat(plain.getRawPath()).matches("/CP-1-[0-9a-f]{16}/firmware/fw%202\\.0\\.bin");
        assertThat(secure).hasScheme("https").hasPort(server.port(Protocol.HTTPS));
        assertThat(new FileTransferClient(WAIT).download(plain)).isEqualTo(firmware);
        assertThat(new FileTransferClient(WAIT, tls.client()).download(secure)).isEqualTo(firmware);
        assertThatThrownBy(() -> new FileTransferClient(WAIT).download(secure))
                .as("without the session certificate the station cannot trust the server")
                .isInstanceOf(IOException.class).hasMessageContaining(secure.toString());

        assertThat(server.transfers("CP-1")).singleElement().satisfies(transfer -> {
            assertThat(transfer.protocol()).isEqualTo(Protocol.HTTP);
            assertThat(transfer.direction()).isEqualTo(Direction.DOWNLOAD);
            assertThat(transfer.fileName()).isEqualTo("fw 2.0.bin");
            assertThat(transfer.deliveredWholeFile()).isTrue();
            assertThat(transfer.remoteAddress()).isEqualTo("127.0.0.1");
        });
        assertThat(server.transfers("CP-2")).singleElement()
                .satisfies(transfer -> assertThat(transfer.protocol()).isEqualTo(Protocol.HTTPS));
    }

    @Test
    void aStationGetsOnlyWhatWasServedToIt() throws Exception {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP));
        URI mine = server.serve("CP-1", "fw.bin", new byte[] {1});
        URI otherDirectory = server.uploadLocation("CP-2");

        URI guessed = otherDirectory.resolve("../firmware/fw.bin");
        assertThat(get(guessed).statusCode()).isEqualTo(404);
        assertThat(get(mine.resolve("/" + "CP-1-0000000000000000/firmware/fw.bin")).statusCode()).isEqualTo(404);
        assertThat(get(mine).statusCode()).isEqualTo(200);
        assertThat(server.transfers("CP-2")).extracting(Transfer::status).containsExactly(Status.REFUSED);
        assertThat(server.transfers("CP-1")).extracting(Transfer::status).containsExactly(Status.COMPLETE);
    }

    @Test
    void takesUploadsTheWaysChargersSendThem() throws Exception {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP));
        URI location = server.uploadLocation("CP-1");
        assertThat(location.toString()).endsWith("/diagnostics/");

        new FileTransferClient(WAIT).upload(location, "multipart.log", bytes("posted as a form\n"));
        new FileTransferClient(WAIT, null, HttpUpload.PUT).upload(location, "put.log", bytes("put raw\n"));
        assertThat(send(HttpRequest.newBuilder(location.resolve("posted-raw.log"))
                .POST(HttpRequest.BodyPublishers.ofString("posted raw\n"))).statusCode()).isEqualTo(200);
        // OpenEVSE: the dashes are in the boundary parameter, none in front of the delimiter lines
        String boundary = "-----------------------------WebKitFormBoundary7MA4YWxkTrZu0gW025636501";
        String openEvse = boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"diagnostics.log\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n[{\"event\":1}\n]\r\n\r\n" + boundary + "--\r\n";
        assertThat(send(HttpRequest.newBuilder(location).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(openEvse))).statusCode()).isEqualTo(200);

        assertThat(server.uploadedFileNames("CP-1"))
                .containsExactly("diagnostics.log", "multipart.log", "posted-raw.log", "put.log");
        assertThat(text(server.uploaded("CP-1", "multipart.log").orElseThrow())).isEqualTo("posted as a form\n");
        assertThat(text(server.uploaded("CP-1", "put.log").orElseThrow())).isEqualTo("put raw\n");
        assertThat(text(server.uploaded("CP-1", "posted-raw.log").orElseThrow())).isEqualTo("posted raw\n");
        assertThat(text(server.uploaded("CP-1", "diagnostics.log").orElseThrow())).isEqualTo("[{\"event\":1}\n]\r\n");
        assertThat(server.transfers("CP-1")).extracting(Transfer::direction, Transfer::fileName, Transfer::status)
                .containsExactly(tuple(Direction.UPLOAD, "multipart.log", Status.COMPLETE),
                        tuple(Direction.UPLOAD, "put.log", Status.COMPLETE),
                        tuple(Direction.UPLOAD, "posted-raw.log", Status.COMPLETE),
                        tuple(Direction.UPLOAD, "diagnostics.log", Status.COMPLETE));
        assertThat(server.uploaded("CP-2", "put.log")).isEmpty();
    }

    @Test
    void refusesAnUploadWithoutAFileName() throws Exception {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP));
        URI location = server.uploadLocation("CP-1");

        HttpResponse<String> response = send(HttpRequest.newBuilder(location).PUT(HttpRequest.BodyPublishers.ofString("x")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no file name");
        assertThat(server.transfers("CP-1")).singleElement().satisfies(transfer -> {
            assertThat(transfer.status()).isEqualTo(Status.REFUSED);
            assertThat(transfer.detail()).startsWith("no file name");
        });
        assertThat(server.uploadedFileNames("CP-1")).isEmpty();
    }

    @Test
    void refusesABodyOverTheLimitWith413() throws Exception {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP).uploadLimit(1024));
        URI location = server.uploadLocation("CP-1");

        assertThat(send(HttpRequest.newBuilder(location.resolve("big.log"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[10_000]))).statusCode()).isEqualTo(413);
        // one that only says it is huge is refused before a byte of it is read
        try (Socket socket = new Socket("127.0.0.1", server.port(Protocol.HTTP))) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + location.getRawPath() + "huge.log HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 413");
        }
        assertThat(send(HttpRequest.newBuilder(location.resolve("fits.log"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1024]))).statusCode()).isEqualTo(200);

        assertThat(server.uploadedFileNames("CP-1")).containsExactly("fits.log");
        assertThat(server.transfers("CP-1")).extracting(Transfer::fileName, Transfer::status).containsExactly(
                tuple("big.log", Status.REFUSED), tuple("huge.log", Status.REFUSED), tuple("fits.log", Status.COMPLETE));
        assertThat(server.transfers("CP-1").get(1).bytes()).isZero();
        assertThat(server.transfers("CP-1").get(1).detail()).contains("over the upload limit of 1024");
    }

    @Test
    void answersWhatItDoesNotServeWith404And405() throws Exception {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP));
        URI firmware = server.serve("CP-1", "fw.bin", new byte[] {1});
        URI location = server.uploadLocation("CP-1");

        assertThat(get(firmware.resolve("/")).statusCode()).isEqualTo(404);
        assertThat(get(firmware.resolve("/nobody/firmware/fw.bin")).statusCode()).isEqualTo(404);
        assertThat(statusLine(firmware.getPort(), "GET /%zz/firmware/fw.bin"))
                .as("the JDK's server answers a malformed URL itself").isEqualTo("HTTP/1.1 400");
        assertThat(get(firmware.resolve("other.bin")).statusCode()).isEqualTo(404);
        HttpResponse<String> delete = send(HttpRequest.newBuilder(firmware).DELETE());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD");
        HttpResponse<String> list = get(location);
        assertThat(list.statusCode()).isEqualTo(405);
        assertThat(list.headers().firstValue("Allow")).hasValue("POST, PUT");
        assertThat(get(firmware).statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void aDownloadCutOffMidwayIsRecordedAsIncomplete() throws IOException {
        FileServer server = start(FileServerConfig.builder().mode(FileTransferMode.HTTP));
        byte[] firmware = TestSupport.content(4 * 1024 * 1024, 3);
        URI url = server.serve("CP-1", "big.bin", firmware);

        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", url.getPort()));
            socket.getOutputStream().write(("GET " + url.getRawPath() + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            assertThat(in.readNBytes(64 * 1024)).hasSize(64 * 1024);
            socket.setSoLinger(true, 0); // a reset, as when the charger's modem drops
        }

        await().atMost(WAIT).until(() -> server.transfers("CP-1").get(0).status() != Status.RUNNING);
        Transfer transfer = server.transfers("CP-1").get(0);
        assertThat(transfer.status()).isEqualTo(Status.INCOMPLETE);
        assertThat(transfer.bytes()).isBetween(60L * 1024, firmware.length - 1L);
        assertThat(transfer.deliveredWholeFile()).isFalse();
        assertThat(transfer.detail()).startsWith("the connection broke");
    }

    /** For requests no HTTP client lets one send. */
    private static String statusLine(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    private FileServer start(FileServerConfig.Builder config) {
        FileServer server = FileServer.start(config.build());
        open.add(server);
        return server;
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return raw.send(request.timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
