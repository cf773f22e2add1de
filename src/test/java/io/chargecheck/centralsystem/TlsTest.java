package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    private static final String PASSWORD = "changeit";
    private static final List<IProtocol> OCPP16 = List.of(new Protocol("ocpp1.6"));

    @TempDir
    Path temp;

    @Test
    void securityProfileTwoServesWssWithTheKeystoreAndChecksBasicAuth() throws Exception {
        Path keystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), PASSWORD, List.of("localhost", "127.0.0.1"));
        SSLContext server = TlsSupport.serverContext(keystore, PASSWORD, null, null);
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .securityProfile(SecurityProfile.TLS_BASIC).authorizationKey("s3cret").sslContext(server).build())) {
            assertThat(cs.url()).startsWith("wss://");

            TestStation station = TestStation.connect(cs.url() + "/CP-1", OCPP16, "CP-1:s3cret", client(null, keystore));
            station.awaitOpen();
            station.send("[2,\"h1\",\"Heartbeat\",{}]");
            assertThat(station.next()).startsWith("[3,\"h1\",{\"currentTime\":");
            station.close();

            TestStation untrusting = TestStation.connect(cs.url() + "/CP-1", OCPP16, "CP-1:s3cret", SSLContext.getDefault());
            assertThat(untrusting.closed.get(5, TimeUnit.SECONDS)).as("a client that does not trust the certificate").isNotEmpty();
            assertThat(untrusting.opened).isCompletedExceptionally();
        }
    }

    @Test
    void securityProfileThreeAcceptsOnlyClientsWithATrustedCertificate() throws Exception {
        Path serverKeystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), PASSWORD, List.of("127.0.0.1"));
        Path clientKeystore = SelfSignedCertificate.generate(temp.resolve("cp.p12"), PASSWORD, List.of("CP-1"));
        Path truststore = trustStoreWith(clientKeystore);
        SSLContext server = TlsSupport.serverContext(serverKeystore, PASSWORD, truststore, PASSWORD);
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .securityProfile(SecurityProfile.MUTUAL_TLS).sslContext(server).build())) {

            TestStation withCertificate = TestStation.connect(cs.url() + "/CP-1", OCPP16, null, client(clientKeystore, serverKeystore));
            assertThat(withCertificate.awaitOpen()).isEqualTo("open");
            withCertificate.close();

            TestStation without = TestStation.connect(cs.url() + "/CP-1", OCPP16, null, client(null, serverKeystore));
            assertThat(without.closed.get(5, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(without.opened).isCompletedExceptionally();
        }
    }

    @Test
    void makesASelfSignedCertificateForTheNamesAndAddressesGiven() throws Exception {
        Path keystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), PASSWORD, List.of("localhost", "127.0.0.1"));

        X509Certificate certificate = (X509Certificate)
                TlsSupport.load(keystore, PASSWORD).getCertificate(SelfSignedCertificate.ALIAS);
        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity();
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(certificate.getNotAfter()).isBetween(Date.from(Instant.now().plus(Duration.ofDays(29))),
                Date.from(Instant.now().plus(Duration.ofDays(31))));
    }

    @Test
    void printsTheFingerprintOfTheSessionCertificate() {
        Path keystore = SelfSignedCertificate.generate(temp.resolve("cs.p12"), PASSWORD, List.of("127.0.0.1"));

        assertThat(SelfSignedCertificate.fingerprint(keystore, PASSWORD)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    private Path trustStoreWith(Path keystoreOfTrustedParty) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        KeyStore source = TlsSupport.load(keystoreOfTrustedParty, PASSWORD);
        trusted.setCertificateEntry("trusted", source.getCertificate(SelfSignedCertificate.ALIAS));
        Path file = temp.resolve("trust-" + keystoreOfTrustedParty.getFileName());
        try (var out = Files.newOutputStream(file)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    /** A client context: its own certificate (or none) and trust in the server's. */
    private static SSLContext client(Path ownKeystore, Path serverKeystore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsSupport.load(serverKeystore, PASSWORD));
        KeyManagerFactory keys = null;
        if (ownKeystore != null) {
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(TlsSupport.load(ownKeystore, PASSWORD), PASSWORD.toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }
}
