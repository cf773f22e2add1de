package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.message.Security.GenericStatus;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.KeyAndChain;
import io.chargecheck.security.TlsContexts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One central system on a port per security profile, sharing its sessions: what a station changing
 * its profile (TC_083_CS) reconnects to, and what each connection is known to have shown.
 */
class SecurityProfilesTest {

    private static final List<IProtocol> OCPP16 = List.of(new Protocol("ocpp1.6"));
    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", "ChargeCheck Test");
    private static CentralSystem cs;

    @BeforeAll
    static void start() {
        KeyAndChain server = CA.issueServer("central system", List.of("127.0.0.1"));
        SSLContext tls = TlsContexts.of(server, List.of(CA.root()));
        cs = CentralSystem.start(CentralSystemConfig.builder().authorizationKey("run-password-0001")
                .otherListeners(List.of(new Listener(SecurityProfile.BASIC, 0, null),
                        new Listener(SecurityProfile.TLS_BASIC, 0, tls), new Listener(SecurityProfile.MUTUAL_TLS, 0, tls)))
                .build());
    }

    @AfterAll
    static void stop() {
        cs.close();
    }

    @Test
    void eachProfileHasAPortOfItsOwnAndTheMainOneStays() {
        assertThat(cs.securityProfiles()).containsExactlyInAnyOrder(SecurityProfile.values());
        assertThat(cs.urlFor(SecurityProfile.NONE)).contains(cs.url());
        assertThat(cs.urlFor(SecurityProfile.BASIC).orElseThrow()).startsWith("ws://127.0.0.1:").isNotEqualTo(cs.url());
        assertThat(cs.urlFor(SecurityProfile.TLS_BASIC).orElseThrow()).startsWith("wss://");
        assertThat(cs.urlFor(SecurityProfile.MUTUAL_TLS).orElseThrow()).startsWith("wss://");
        assertThatThrownBy(() -> CentralSystemConfig.builder().otherListeners(List.of(new Listener(SecurityProfile.BASIC, 0, null)))
                .build()).hasMessage("security profile 1 needs a Basic auth password");
        assertThatThrownBy(() -> new Listener(SecurityProfile.TLS_BASIC, 0, null)).hasMessageContaining("needs TLS");
    }

    @Test
    void basicAuthIsCheckedOnItsPortAndANewPasswordIsTakenBesideTheRunsOne() throws Exception {
        String url = cs.urlFor(SecurityProfile.BASIC).orElseThrow() + "/CP-B";
        TestStation wrong = TestStation.connect(url, OCPP16, "CP-B:new-password-0001", null);
        assertThat(wrong.closed.get(5, TimeUnit.SECONDS)).isNotEmpty();

        cs.acceptPassword("CP-B", "new-password-0001");
        TestStation renewed = TestStation.connect(url, OCPP16, "CP-B:new-password-0001", null);
        assertThat(renewed.awaitOpen()).isEqualTo("open");
        ConnectionDetails details = cs.awaitSession("CP-B", Duration.ofSeconds(5)).connection();
        assertThat(details.securityProfile()).isEqualTo(SecurityProfile.BASIC);
        assertThat(details.user()).contains("CP-B");
        assertThat(details.password()).contains("new-password-0001");
        assertThat(details.tlsDetails()).isEmpty();
        assertThat(details.toString()).doesNotContain("new-password");
        renewed.close();

        TestStation old = TestStation.connect(url, OCPP16, "CP-B:run-password-0001", null);
        assertThat(old.awaitOpen()).isEqualTo("open");
        old.close();
        TestStation other = TestStation.connect(url, OCPP16, "CP-OTHER:new-password-0001", null);
        assertThat(other.closed.get(5, TimeUnit.SECONDS)).as("another station does not get that password").isNotEmpty();
    }

    @Test
    void tlsDetailsShowTheAgreedAndTheOfferedSuitesAndTheClientCertificate() throws Exception {
        SSLContext client = TlsContexts.of(CA.issueClient("SERIAL-3", "The CPO"), List.of(CA.root()));
        TestStation station = TestStation.connect(cs.urlFor(SecurityProfile.MUTUAL_TLS).orElseThrow() + "/CP-3", OCPP16, null,
                client);
        assertThat(station.awaitOpen()).isEqualTo("open");
        ConnectionDetails details = cs.awaitSession("CP-3", Duration.ofSeconds(5)).connection();
        assertThat(details.securityProfile()).isEqualTo(SecurityProfile.MUTUAL_TLS);
        ConnectionDetails.Tls tls = details.tlsDetails().orElseThrow();
        assertThat(tls.protocol()).isIn("TLSv1.2", "TLSv1.3");
        SSLParameters offered = client.getDefaultSSLParameters();
        assertThat(tls.offeredCipherSuites()).contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
                "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384").hasSizeLessThanOrEqualTo(offered.getCipherSuites().length + 1);
        assertThat(tls.clientCertificates()).hasSize(2);
        assertThat(tls.clientCertificates().get(0).getSubjectX500Principal().getName()).contains("CN=SERIAL-3");
        assertThat(cs.journal().of("CP-3").entries()).anySatisfy(entry -> assertThat(entry.raw())
                .contains("over security profile 3, " + tls.protocol()).contains("client certificate"));
        station.close();

        TestStation twoStation = TestStation.connect(cs.urlFor(SecurityProfile.TLS_BASIC).orElseThrow() + "/CP-2", OCPP16,
                "CP-2:run-password-0001", TlsContexts.of(null, List.of(CA.root())));
        assertThat(twoStation.awaitOpen()).isEqualTo("open");
        ConnectionDetails two = cs.awaitSession("CP-2", Duration.ofSeconds(5)).connection();
        assertThat(two.tlsDetails().orElseThrow().clientCertificates()).isEmpty();
        twoStation.close();
    }

    @Test
    void theSecurityExtensionsCallsHaveDefaultAnswers() throws Exception {
        TestStation station = TestStation.connect(cs.url() + "/CP-D", OCPP16, null, null);
        station.awaitOpen();
        station.send("[2,\"s1\",\"SignCertificate\",{\"csr\":\"x\"}]");
        assertThat(station.next()).isEqualTo("[3,\"s1\",{\"status\":\"" + GenericStatus.Accepted + "\"}]");
        station.send("[2,\"s2\",\"SecurityEventNotification\",{\"type\":\"FirmwareUpdated\",\"timestamp\":\"2026-11-23T12:00:00Z\"}]");
        assertThat(station.next()).isEqualTo("[3,\"s2\",{}]");
        station.send("[2,\"s3\",\"LogStatusNotification\",{\"status\":\"Uploading\"}]");
        assertThat(station.next()).isEqualTo("[3,\"s3\",{}]");
        station.send("[2,\"s4\",\"SignedFirmwareStatusNotification\",{\"status\":\"Downloading\",\"requestId\":1}]");
        assertThat(station.next()).isEqualTo("[3,\"s4\",{}]");
        station.close();
    }
}
