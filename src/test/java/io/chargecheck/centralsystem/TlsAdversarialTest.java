package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.chargecheck.centralsystem.JournalEntry.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Security profiles 2 and 3 against TLS clients that do not go on to speak WebSocket: real JDK
 * TLS 1.2 and 1.3 clients that complete the handshake and close, a ClientHello and then nothing,
 * plaintext and garbage on the TLS port, and {@code openssl s_client} where it is installed. Java-
 * WebSocket's own TLS channel ended the listener with an AssertionError on the first of these;
 * each must now cost only its own connection, with a well-behaved station served throughout and
 * the listener still accepting.
 */
class TlsAdversarialTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path keys;
    private static Path serverKeystore;
    private static Path clientKeystore;
    private static Path truststore;

    private CentralSystem cs;
    private WellBehavedStation good;

    @BeforeAll
    static void makeCertificates() throws Exception {
        serverKeystore = SelfSignedCertificate.generate(keys.resolve("cs.p12"), PASSWORD, List.of("localhost", "127.0.0.1"));
        clientKeystore = serverKeystore; // one keytool run less: the chargers present the same certificate, trusted below
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("cp", TlsSupport.load(clientKeystore, PASSWORD).getCertificate(SelfSignedCertificate.ALIAS));
        truststore = keys.resolve("trust.p12");
        try (var out = Files.newOutputStream(truststore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        // The first TLS handshake of a JVM loads and compiles the crypto: on a busy machine it can take
        // longer than the short handshake timeout these tests use, so one is made before, without it.
        try (CentralSystem warm = CentralSystem.start(CentralSystemConfig.builder().securityProfile(SecurityProfile.MUTUAL_TLS)
                .sslContext(TlsSupport.serverContext(serverKeystore, PASSWORD, truststore, PASSWORD)).build());
             WellBehavedStation station = WellBehavedStation.connect(warm, "WARM", null, clientContext(SecurityProfile.MUTUAL_TLS))) {
            station.assertServed();
        }
    }

    @AfterEach
    void stop() {
        if (good != null) {
            good.close();
        }
        if (cs != null) {
            cs.close();
        }
    }

    private void start(SecurityProfile profile) throws Exception {
        CentralSystemConfig.Builder config = CentralSystemConfig.builder().securityProfile(profile)
                .handshakeTimeout(Duration.ofSeconds(2));
        if (profile == SecurityProfile.TLS_BASIC) {
            config.authorizationKey("s3cret").sslContext(TlsSupport.serverContext(serverKeystore, PASSWORD, null, null));
        } else {
            config.sslContext(TlsSupport.serverContext(serverKeystore, PASSWORD, truststore, PASSWORD));
        }
        cs = CentralSystem.start(config.build());
        good = WellBehavedStation.connect(cs, "GOOD", profile == SecurityProfile.TLS_BASIC ? "GOOD:s3cret" : null,
                clientContext(profile));
        good.assertServed();
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC", "MUTUAL_TLS"})
    void jdkClientsThatHandshakeAndCloseCostOnlyTheirOwnConnection(SecurityProfile profile) throws Exception {
        start(profile);
        for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
            try (SSLSocket client = (SSLSocket) clientContext(profile).getSocketFactory().createSocket("127.0.0.1", cs.port())) {
                client.setEnabledProtocols(new String[] {protocol});
                client.startHandshake();
                assertThat(client.getSession().getProtocol()).isEqualTo(protocol);
            } // closed without a byte of HTTP
            assertStillServing();
        }
        // and one that says nothing after its handshake: closed at the handshake timeout, with the reason
        try (SSLSocket quiet = (SSLSocket) clientContext(profile).getSocketFactory().createSocket("127.0.0.1", cs.port())) {
            quiet.startHandshake();
            quiet.setSoTimeout(5000);
            assertThat(quiet.getInputStream().read()).as("closed by the central system").isEqualTo(-1);
        }
        assertRefused("it connected and sent nothing within 2 s");
        assertStillServing();
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC", "MUTUAL_TLS"})
    void aClientHelloAndThenNothingIsClosedAtTheHandshakeTimeout(SecurityProfile profile) throws Exception {
        start(profile);
        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(clientHello(profile));
            assertThat(readToEnd(socket.getInputStream())).as("the server's handshake flight, then the close").isPositive();
        }
        assertRefused("its TLS handshake did not complete within 2 s");

        try (Socket socket = rawSocket()) {
            socket.getOutputStream().write(clientHello(profile));
        } // and one that leaves right after its ClientHello
        assertStillServing();

        try (Socket silent = rawSocket()) {
            // at most a TLS alert record (the engine's close), then the end of the stream
            assertThat(readToEnd(silent.getInputStream())).as("closed by the central system").isLessThan(64);
        }
        assertRefused("it opened a TLS connection and sent no ClientHello within 2 s");
        assertStillServing();
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC", "MUTUAL_TLS"})
    void plaintextAndGarbageOnTheTlsPortAreRefused(SecurityProfile profile) throws Exception {
        start(profile);
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        byte[] recordHeaderThenNothing = {0x16, 0x03, 0x01, 0x40, 0x00}; // a handshake record of 16 KiB announced
        for (byte[] bytes : List.of("GET /ocpp/GOOD HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                garbage, recordHeaderThenNothing)) {
            try (Socket socket = rawSocket()) {
                socket.getOutputStream().write(bytes);
                readToEnd(socket.getInputStream());
            }
            assertStillServing();
        }
        assertThat(refusals()).anySatisfy(line -> assertThat(line).contains("its TLS handshake failed"));
    }

    @ParameterizedTest
    @EnumSource(value = SecurityProfile.class, names = {"TLS_BASIC", "MUTUAL_TLS"})
    void opensslClientsThatHandshakeAndCloseCostOnlyTheirOwnConnection(SecurityProfile profile) throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not on PATH: this case needs openssl s_client");
        start(profile);
        for (String version : List.of("-tls1_2", "-tls1_3")) {
            Process openssl = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + cs.port(), version)
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(openssl.waitFor(10, TimeUnit.SECONDS)).as("openssl s_client %s finished: %s", version, output).isTrue();
            if (profile == SecurityProfile.TLS_BASIC) {
                assertThat(output).as("openssl %s completed the handshake", version).contains("Cipher is");
            }
            assertStillServing();
        }
    }

    private void assertStillServing() throws Exception {
        good.assertServed();
        assertThat(cs.isListening()).as("the listener is up").isTrue();
        // and a newcomer can still connect
        try (SSLSocket probe = (SSLSocket) clientContext(cs.config().securityProfile()).getSocketFactory()
                .createSocket("127.0.0.1", cs.port())) {
            probe.startHandshake();
        }
    }

    private void assertRefused(String reason) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(refusals()).anySatisfy(line -> assertThat(line).contains(reason)));
        assertThat(cs.journal().entries()).filteredOn(e -> e.kind() == Kind.REFUSED).allSatisfy(e ->
                assertThat(e.raw()).doesNotContain("\u001b").hasSizeLessThan(1000));
    }

    private List<String> refusals() {
        return cs.journal().entries().stream().filter(e -> e.kind() == Kind.REFUSED).map(JournalEntry::raw).toList();
    }

    private Socket rawSocket() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", cs.port()), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static int readToEnd(InputStream in) throws IOException {
        int total = 0;
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    /** The first flight of a real TLS client: its ClientHello, as the JDK's engine writes it. */
    private static byte[] clientHello(SecurityProfile profile) throws Exception {
        SSLEngine engine = clientContext(profile).createSSLEngine("127.0.0.1", 0);
        engine.setUseClientMode(true);
        ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
        engine.wrap(ByteBuffer.allocate(0), out);
        return Arrays.copyOf(out.array(), out.position());
    }

    private static SSLContext clientContext(SecurityProfile profile) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsSupport.load(serverKeystore, PASSWORD));
        KeyManagerFactory ownKeys = null;
        if (profile == SecurityProfile.MUTUAL_TLS) {
            ownKeys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            ownKeys.init(TlsSupport.load(clientKeystore, PASSWORD), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(ownKeys == null ? null : ownKeys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
