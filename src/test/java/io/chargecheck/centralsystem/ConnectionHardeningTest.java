package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chargecheck.centralsystem.JournalEntry.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a client that speaks raw TCP and HTTP can do to the central system before it is a station:
 * hold connections, say nothing or half an upgrade, send ids no charger may have, guess passwords,
 * ask for another WebSocket version; and what happens when the listener itself fails. A
 * well-behaved station is served, and timed, throughout.
 */
class ConnectionHardeningTest {

    private CentralSystem cs;
    private WellBehavedStation good;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (good != null) {
            good.close();
        }
        if (cs != null) {
            cs.close();
        }
    }

    /** Short enough for a test, long enough for a WebSocket handshake on a busy machine. */
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

    private static CentralSystemConfig.Builder config() {
        return CentralSystemConfig.builder().handshakeTimeout(HANDSHAKE_TIMEOUT);
    }

    private void start(CentralSystemConfig.Builder config) throws Exception {
        cs = CentralSystem.start(config.build());
        good = WellBehavedStation.connect(cs, "GOOD", cs.config().securityProfile().usesBasicAuth() ? "GOOD:s3cret" : null, null);
        good.assertServed();
    }

    // ------------------------------------------------------------------ caps

    @Test
    void refusesConnectionsBeyondTheCapOfOneAddressAndTakesThemAgainWhenOneCloses() throws Exception {
        start(config().maxConnectionsPerAddress(3).handshakeTimeout(Duration.ofSeconds(30)));
        Socket first = connect("127.0.0.1");
        connect("127.0.0.1"); // with GOOD, three from 127.0.0.1
        await().atMost(Duration.ofSeconds(10)).until(() -> cs.connectionCount() == 3);

        Socket refused = connect("127.0.0.1");
        assertThat(refused.getInputStream().read()).as("closed at once").isEqualTo(-1);
        assertThat(refusals()).anySatisfy(line -> assertThat(line)
                .contains("127.0.0.1 already has 3 connections (maxConnectionsPerAddress)"));
        Socket otherAddress = connect("127.0.0.2");
        await().atMost(Duration.ofSeconds(10)).until(() -> cs.connectionCount() == 4);
        good.assertServed();

        first.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> cs.connectionCount() == 3);
        WellBehavedStation again = WellBehavedStation.connect(cs, "AGAIN", null, null);
        again.assertServed();
        again.close();
        assertThat(otherAddress.isClosed()).isFalse();
    }

    @Test
    void refusesConnectionsBeyondTheTotalCap() throws Exception {
        start(config().maxConnections(3).handshakeTimeout(Duration.ofSeconds(30)));
        connect("127.0.0.2");
        connect("127.0.0.3");
        await().atMost(Duration.ofSeconds(10)).until(() -> cs.connectionCount() == 3);

        Socket refused = connect("127.0.0.4");
        assertThat(refused.getInputStream().read()).as("closed at once").isEqualTo(-1);
        assertThat(refusals()).anySatisfy(line -> assertThat(line)
                .contains("from /127.0.0.4").contains("already has 3 connections (maxConnections)"));
        good.assertServed();
    }

    // ------------------------------------------------------------------ a listener that stops

    @Test
    void listensAgainOnTheSamePortWhenItsListeningSocketCloses() throws Exception {
        start(config());
        int port = cs.port();
        // Out of file descriptors, accept() fails and Java-WebSocket closes its listening socket for good.
        // The same path, on the selector thread: the socket closes just before the accept, which then fails.
        OcppServer failing = cs.server();
        failing.acceptFault = () -> {
            try {
                failing.listener().close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        knock();

        await().atMost(Duration.ofSeconds(10)).until(() -> cs.isListening() && listenerEvents().size() >= 2);
        assertThat(listenerEvents().get(0)).contains("stopped listening on port " + port);
        assertThat(listenerEvents().get(1)).contains("listens again on port " + port);
        assertThat(cs.port()).isEqualTo(port);
        good.assertServed(); // the old server's connections go on
        WellBehavedStation newcomer = WellBehavedStation.connect(cs, "NEWCOMER", null, null);
        newcomer.assertServed();
        newcomer.close();
    }

    @Test
    void listensAgainWhenItsSelectorLoopDies() throws Exception {
        start(config());
        int port = cs.port();
        OcppServer failing = cs.server();
        failing.acceptFault = () -> {
            throw new IllegalStateException("injected fault in the accept loop");
        };
        knock(); // the accept that meets the fault; the library's loop ends

        await().atMost(Duration.ofSeconds(10)).until(() -> cs.server() != failing && cs.isListening());
        // the guard that notices first names the closed socket; the loop's cause is said either way
        assertThat(listenerEvents()).first().asString().contains("stopped listening on port " + port);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(listenerEvents())
                .anySatisfy(line -> assertThat(line).contains("its loop stopped").contains("injected fault in the accept loop")));
        assertThat(cs.port()).isEqualTo(port);
        WellBehavedStation newcomer = WellBehavedStation.connect(cs, "NEWCOMER", null, null);
        newcomer.assertServed();
        newcomer.close();
    }

    // ------------------------------------------------------------------ handshake timeout

    @Test
    void closesASilentConnectionAndAHalfSentUpgradeAtTheHandshakeTimeout() throws Exception {
        start(config());
        Socket silent = connect("127.0.0.1");
        Socket half = connect("127.0.0.1");
        half.getOutputStream().write(("GET /ocpp/HALF HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websock")
                .getBytes(StandardCharsets.US_ASCII));

        assertThat(silent.getInputStream().read()).as("the silent one closed").isEqualTo(-1);
        assertThat(half.getInputStream().read()).as("the half-sent one closed").isEqualTo(-1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(refusals())
                .anySatisfy(line -> assertThat(line).contains("it connected and sent nothing within 2 s"))
                .anySatisfy(line -> assertThat(line).contains("it sent only part of an HTTP upgrade request within 2 s")
                        .contains("GET /ocpp/HALF HTTP/1.1\\u000d\\u000aHost")));
        good.assertServed();
    }

    // ------------------------------------------------------------------ the charge point id

    @Test
    void readsThePlusInAnIdAsAPlus() throws Exception {
        start(config());
        WellBehavedStation plus = WellBehavedStation.connect(cs, "CP+TLS", null, null);
        plus.assertServed();
        assertThat(cs.session("CP+TLS")).isPresent();
        plus.close();

        assertThat(upgrade("/ocpp/CP%2BTLS2", null, "13")).startsWith("HTTP/1.1 101");
        cs.awaitSession("CP+TLS2", Duration.ofSeconds(5));
    }

    static Stream<Arguments> idsThatAreNoOcppIdentity() {
        return Stream.of(
                Arguments.of("a broken percent escape", "CP%ZZ", "is not a valid URL path segment"),
                Arguments.of("49 characters", "C".repeat(49), "has 49 characters; an OCPP identity has at most 48"),
                Arguments.of("an encoded slash", "CP%2F1", "contains '/'"),
                Arguments.of("dot dot", "..", "contains '..'"),
                Arguments.of("NUL", "CP%00", "contains NUL"),
                Arguments.of("ESC", "CP%1B%5B2J", "contains the control character U+001B"),
                Arguments.of("CR LF", "CP%0D%0AFORGED", "contains the control character U+000D"),
                Arguments.of("invalid UTF-8", "CP%C3%28", "is not valid UTF-8"),
                Arguments.of("a space", "CP%201", "contains ' ' (U+0020)"),
                Arguments.of("a letter outside ASCII", "CP%C3%A9", "contains 'é' (U+00E9)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idsThatAreNoOcppIdentity")
    void refusesAnIdThatIsNoOcppIdentityWith400(String what, String rawId, String reason) throws Exception {
        start(config());

        String response = upgrade("/ocpp/" + rawId, null, "13");

        assertThat(response).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(statusLines(response)).as("one HTTP answer").isEqualTo(1);
        assertThat(refusals()).singleElement().asString().contains(reason).doesNotContain("\u001b").doesNotContain("\r");
        good.assertServed();
    }

    @Test
    void aHugeIdIsOneShortEscapedLogLine() throws Exception {
        start(config());
        String id = "\u001b[2J" + "X".repeat(100_000);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        String response;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            response = upgrade("/ocpp/" + id.replace("\u001b", "%1B").replace("[", "%5B"), null, "13");
        } finally {
            System.setErr(original);
        }
        assertThat(response).startsWith("HTTP/1.1 400");
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("XXXX")).toList();
        assertThat(lines).as("log lines naming the id").hasSize(1);
        assertThat(lines.get(0)).hasSizeLessThan(600).doesNotContain("\u001b").contains("\\u001b");
        good.assertServed();
    }

    // ------------------------------------------------------------------ HTTP answers

    @Test
    void aWrongPasswordGetsOne401AndNothingAfterIt() throws Exception {
        start(config().securityProfile(SecurityProfile.BASIC).authorizationKey("s3cret"));

        String response = upgrade("/ocpp/CP-1", "CP-1:guess", "13");

        assertThat(response).startsWith("HTTP/1.1 401 Unauthorized").contains("WWW-Authenticate: Basic");
        assertThat(statusLines(response)).as("no second HTTP response after the 401").isEqualTo(1);
        assertThat(refusals()).singleElement().asString().contains("Basic auth password is wrong");
        good.assertServed();
    }

    @Test
    void aWrongWebSocketVersionGets426NamingVersion13() throws Exception {
        start(config());

        String response = upgrade("/ocpp/CP-1", null, "8");

        assertThat(response).startsWith("HTTP/1.1 426 Upgrade Required").contains("Sec-WebSocket-Version: 13");
        assertThat(statusLines(response)).isEqualTo(1);
        assertThat(refusals()).singleElement().asString().contains("refused connection of CP-1")
                .contains("it asked for WebSocket version '8'");
        good.assertServed();
    }

    // ------------------------------------------------------------------ helpers

    private Socket connect(String fromAddress) throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** A connection that only makes the server accept; the server may drop it at once. */
    private void knock() {
        try {
            connect("127.0.0.1");
        } catch (IOException e) {
            // reset by a listener that is going away: the accept happened, which is all it was for
        }
    }

    /** A raw upgrade request; the whole answer, up to the close or the 101's headers. */
    private String upgrade(String path, String basicAuth, String version) throws IOException {
        Socket socket = connect("127.0.0.1");
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + cs.port() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: " + version + "\r\nSec-WebSocket-Protocol: ocpp1.6\r\n"
                + (basicAuth == null ? "" : "Authorization: Basic "
                        + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)) + "\r\n")
                + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        InputStream in = socket.getInputStream();
        StringBuilder response = new StringBuilder();
        for (int b; (b = in.read()) >= 0; ) {
            response.append((char) b);
            if (response.toString().startsWith("HTTP/1.1 101") && response.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        return response.toString();
    }

    private static long statusLines(String response) {
        return response.lines().filter(line -> line.startsWith("HTTP/")).count();
    }

    private List<String> refusals() {
        return cs.journal().entries().stream().filter(e -> e.kind() == Kind.REFUSED).map(JournalEntry::raw).toList();
    }

    private List<String> listenerEvents() {
        return cs.journal().entries().stream().filter(e -> e.kind() == Kind.LISTENER).map(JournalEntry::raw).toList();
    }
}
