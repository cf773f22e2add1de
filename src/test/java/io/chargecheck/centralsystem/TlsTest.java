package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir
    Path temp;

    @Test
    void securityProfileTwoServesWssWithTheKeystoreAndChecksBasicAuth() throws Exception {
        Path keystore = TestKeystores.selfSigned(temp.resolve("cs.p12"), "changeit");
        SSLContext server = TlsSupport.serverContext(keystore, "changeit", null, null);
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .securityProfile(SecurityProfile.TLS_BASIC).authorizationKey("s3cret").sslContext(server).build())) {
            assertThat(cs.url()).startsWith("wss://");

            TestStation station = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("ocpp1.6")),
                    "CP-1:s3cret", trusting(keystore));
            station.awaitOpen();
            station.send("[2,\"h1\",\"Heartbeat\",{}]");
            assertThat(station.next()).startsWith("[3,\"h1\",{\"currentTime\":");
            station.close();

            TestStation untrusting = TestStation.connect(cs.url() + "/CP-1", List.of(new Protocol("ocpp1.6")),
                    "CP-1:s3cret", SSLContext.getDefault());
            assertThat(untrusting.closed.get(5, TimeUnit.SECONDS)).as("a client that does not trust the certificate").isNotEmpty();
            assertThat(untrusting.opened).isCompletedExceptionally();
        }
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(TlsSupport.load(keystore, "changeit"));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
