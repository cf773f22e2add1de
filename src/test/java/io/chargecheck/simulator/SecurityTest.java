package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.centralsystem.ConnectionDetails;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.Listener;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Security.CertificateHashData;
import io.chargecheck.ocpp.message.Security.CertificateSignedRequest;
import io.chargecheck.ocpp.message.Security.CertificateSignedStatus;
import io.chargecheck.ocpp.message.Security.CertificateUse;
import io.chargecheck.ocpp.message.Security.DeleteCertificateRequest;
import io.chargecheck.ocpp.message.Security.DeleteCertificateStatus;
import io.chargecheck.ocpp.message.Security.ExtendedMessageTrigger;
import io.chargecheck.ocpp.message.Security.ExtendedTriggerMessageRequest;
import io.chargecheck.ocpp.message.Security.Firmware;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsRequest;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsResponse;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateStatus;
import io.chargecheck.ocpp.message.Security.GetLogRequest;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import io.chargecheck.ocpp.message.Security.InstallCertificateRequest;
import io.chargecheck.ocpp.message.Security.InstallCertificateStatus;
import io.chargecheck.ocpp.message.Security.LogParameters;
import io.chargecheck.ocpp.message.Security.LogStatus;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.LogType;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignCertificateRequest;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatus;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedUpdateFirmwareRequest;
import io.chargecheck.ocpp.message.Security.UpdateFirmwareStatus;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.FirmwareSigner;
import io.chargecheck.security.Pem;
import io.chargecheck.security.TlsContexts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;

/**
 * The security extension on the simulator: connecting on each security profile and changing it,
 * a new AuthorizationKey, its certificates, the security log and the signed firmware update; what
 * the OCA's section 2.24 asks of a station. {@link SecurityQuirksTest} has its defects.
 */
class SecurityTest {

    static final String CP = "CP-SEC";
    static final String PASSWORD = "run-password-0001";
    /** One CA and one manufacturer for the class: the runs of a real bench have one each too. */
    static final CertificateAuthority CA = CertificateAuthority.create("Test CA", "ChargeCheck Test");
    static final FirmwareSigner MANUFACTURER = FirmwareSigner.create("ACME");
    static final byte[] IMAGE = "ACME firmware 3.0\n".getBytes(StandardCharsets.US_ASCII);

    Bench bench;
    ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    /** A bench whose central system listens for every profile, with the CA's server certificate. */
    static Bench securityBench() {
        var tls = TlsContexts.of(CA.issueServer("central system", List.of("127.0.0.1", "localhost")), List.of(CA.root()));
        return Bench.start(cs -> cs.authorizationKey(PASSWORD).otherListeners(List.of(
                new Listener(SecurityProfile.BASIC, 0, null), new Listener(SecurityProfile.TLS_BASIC, 0, tls),
                new Listener(SecurityProfile.MUTUAL_TLS, 0, tls))));
    }

    /** A station from the factory for this profile: the central system's URLs, the CA's root, a client certificate. */
    static SimulatorConfig.Builder onProfile(Bench bench, int profile, String id) {
        Map<Integer, URI> urls = new java.util.HashMap<>();
        for (SecurityProfile p : SecurityProfile.values()) {
            urls.put(p.number(), URI.create(bench.cs.urlFor(p).orElseThrow()));
        }
        // A JVM's first TLS handshakes with client certificates take seconds on a loaded machine: switching on may too.
        return bench.config(id).centralSystemUrl(urls.get(profile)).password(PASSWORD).controlTimeout(java.time.Duration.ofSeconds(30))
                .security(new SecuritySetup(profile, urls, profile >= 2 ? List.of(CA.rootPem()) : List.of(),
                        List.of(MANUFACTURER.manufacturerRootPem()), CA::signCsr, "The CPO"));
    }

    void boot(int profile) {
        boot(profile, c -> c);
    }

    void boot(int profile, UnaryOperator<SimulatorConfig.Builder> more) {
        bench = securityBench();
        cp = bench.boot(more.apply(onProfile(bench, profile, CP)));
    }

    ConnectionDetails connection() {
        return bench.cs.awaitSession(CP, Bench.WAIT).connection();
    }

    /** Waits for a new connection of the station after the mark, and returns how it was made. */
    ConnectionDetails reconnectedAfter(long mark) {
        Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .anyMatch(e -> CP.equals(e.chargePointId()) && e.kind() == JournalEntry.Kind.CONNECTED));
        return connection();
    }

    @SideBySide
    void onProfileThreeItShowsItsFactoryCertificateAndRenewsItOnRequest() {
        boot(3);
        ConnectionDetails first = connection();
        assertThat(first.securityProfile()).isEqualTo(SecurityProfile.MUTUAL_TLS);
        assertThat(first.user()).as("no Basic auth on profile 3").isEmpty();
        X509Certificate factory = first.tlsDetails().orElseThrow().clientCertificates().get(0);
        assertThat(Certificates.commonName(factory)).contains(SimulatorConfig.Identity.DEFAULT.serialNumber());
        assertThat(Certificates.organization(factory)).contains("The CPO");
        long mark = bench.mark();

        assertThat(bench.call(CP, new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SignChargePointCertificate, null))
                .status()).isEqualTo(TriggerMessageStatus.Accepted);
        SignCertificateRequest csr = bench.awaitSent(CP, SignCertificateRequest.class, mark);
        String signed = CA.signCsr(csr.csr());
        long beforeSigned = bench.mark();
        assertThat(bench.call(CP, new CertificateSignedRequest(signed)).status()).isEqualTo(CertificateSignedStatus.Accepted);

        X509Certificate renewed = reconnectedAfter(beforeSigned).tlsDetails().orElseThrow().clientCertificates().get(0);
        assertThat(renewed).isEqualTo(Pem.certificates(signed).get(0)).isNotEqualTo(factory);
    }

    @SideBySide
    void aCertificateNoInstalledRootVouchesForIsRejectedWithASecurityEvent() {
        boot(3);
        long mark = bench.mark();
        bench.call(CP, new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SignChargePointCertificate, null));
        SignCertificateRequest csr = bench.awaitSent(CP, SignCertificateRequest.class, mark);
        String foreign = CertificateAuthority.create("Stranger", "Elsewhere").signCsr(csr.csr());

        assertThat(bench.call(CP, new CertificateSignedRequest(foreign)).status()).isEqualTo(CertificateSignedStatus.Rejected);
        assertThat(bench.awaitSent(CP, SecurityEventNotificationRequest.class, mark).type()).isEqualTo("InvalidChargePointCertificate");
    }

    @SideBySide
    void itRaisesItsProfileOnceItHasWhatTheProfileNeedsAndNeverLowersIt() {
        boot(1);
        assertThat(connection().securityProfile()).isEqualTo(SecurityProfile.BASIC);
        assertThat(connection().user()).contains(CP);
        assertThat(bench.change(CP, "SecurityProfile", "2")).as("no CentralSystemRootCertificate yet").isEqualTo(ConfigurationStatus.Rejected);
        assertThat(bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate, CA.rootPem())).status())
                .isEqualTo(InstallCertificateStatus.Accepted);
        long mark = bench.mark();

        assertThat(bench.change(CP, "SecurityProfile", "2")).isEqualTo(ConfigurationStatus.Accepted);

        ConnectionDetails upgraded = reconnectedAfter(mark);
        assertThat(upgraded.securityProfile()).isEqualTo(SecurityProfile.TLS_BASIC);
        assertThat(upgraded.password()).contains(PASSWORD);
        assertThat(bench.sent(CP, BootNotificationRequest.class, mark)).as("a reconnect, not a reboot").isEmpty();
        assertThat(bench.change(CP, "SecurityProfile", "1")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(bench.change(CP, "SecurityProfile", "two")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(cp.securityProfile()).isEqualTo(2);
    }

    @SideBySide
    void aNewAuthorizationKeyIsUsedFromTheReconnectOnAndNeverShown() {
        boot(1);
        String password = "OCA_OCTT_admin_test";
        bench.cs.acceptPassword(CP, password);
        long mark = bench.mark();

        assertThat(bench.change(CP, "AuthorizationKey", HexFormat.of().withUpperCase().formatHex(password.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(ConfigurationStatus.Accepted);

        assertThat(reconnectedAfter(mark).password()).contains(password);
        assertThat(bench.change(CP, "AuthorizationKey", "not hex")).isEqualTo(ConfigurationStatus.Rejected);
        assertThat(bench.change(CP, "AuthorizationKey", "00112233")).as("4 bytes, not 16 to 20").isEqualTo(ConfigurationStatus.Rejected);
        List<KeyValue> keys = bench.call(CP, new GetConfigurationRequest(List.of("AuthorizationKey", "SecurityProfile")))
                .configurationKey();
        assertThat(keys).extracting(KeyValue::key).containsExactly("AuthorizationKey", "SecurityProfile");
        assertThat(keys.get(0).value()).as("write-only").isNull();
        assertThat(keys.get(1).value()).isEqualTo("1");
    }

    @SideBySide
    void rootCertificatesAreInstalledListedByTheirHashAndDeleted() {
        boot(0);
        X509Certificate root = CertificateAuthority.create("Extra root", "ChargeCheck").root();
        assertThat(installedIds(CertificateUse.CentralSystemRootCertificate).status()).isEqualTo(GetInstalledCertificateStatus.NotFound);
        assertThat(bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate, Pem.of(root))).status())
                .isEqualTo(InstallCertificateStatus.Accepted);
        CertificateHashData expected = Certificates.hashData(root, HashAlgorithm.SHA256);

        GetInstalledCertificateIdsResponse listed = installedIds(CertificateUse.CentralSystemRootCertificate);
        assertThat(listed.certificateHashData()).singleElement().satisfies(id -> assertThat(Certificates.sameCertificate(id, expected)).isTrue());
        assertThat(installedIds(CertificateUse.ManufacturerRootCertificate).certificateHashData()).hasSize(1);

        assertThat(bench.call(CP, new DeleteCertificateRequest(Certificates.hashData(root, HashAlgorithm.SHA512))).status())
                .isEqualTo(DeleteCertificateStatus.Accepted);
        assertThat(installedIds(CertificateUse.CentralSystemRootCertificate).status()).isEqualTo(GetInstalledCertificateStatus.NotFound);
        assertThat(bench.call(CP, new DeleteCertificateRequest(expected)).status()).isEqualTo(DeleteCertificateStatus.NotFound);
    }

    @SideBySide
    void anExpiredRootIsRejectedWithASecurityEvent() {
        boot(0);
        long mark = bench.mark();
        assertThat(bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate,
                Pem.of(CertificateAuthority.expiredRoot("Old root")))).status()).isEqualTo(InstallCertificateStatus.Rejected);
        SecurityEventNotificationRequest event = bench.awaitSent(CP, SecurityEventNotificationRequest.class, mark);
        assertThat(event.type()).isEqualTo("InvalidCentralSystemCertificate");
        assertThat(event.techInfo()).startsWith("it expired on");
        assertThat(installedIds(CertificateUse.CentralSystemRootCertificate).status()).isEqualTo(GetInstalledCertificateStatus.NotFound);
    }

    @SideBySide
    void theSecurityLogIsUploadedWhereItIsAsked() {
        boot(1);
        long mark = bench.mark();
        var answer = bench.call(CP, new GetLogRequest(new LogParameters(bench.ftp().uploadLocation().toString(), null, null),
                LogType.SecurityLog, 17, 1, 1));
        assertThat(answer.status()).isEqualTo(LogStatus.Accepted);

        Bench.await().until(() -> bench.sent(CP, LogStatusNotificationRequest.class, mark).size() == 2);
        assertThat(bench.sent(CP, LogStatusNotificationRequest.class, mark)).extracting(LogStatusNotificationRequest::status)
                .containsExactly(io.chargecheck.ocpp.message.Security.UploadLogStatus.Uploading,
                        io.chargecheck.ocpp.message.Security.UploadLogStatus.Uploaded);
        assertThat(bench.sent(CP, LogStatusNotificationRequest.class, mark)).allSatisfy(s -> assertThat(s.requestId()).isEqualTo(17));
        String log = new String(bench.ftp().uploaded(answer.filename()).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(log).contains("security log of " + CP).contains("StartupOfTheDevice: security profile 1");
    }

    @SideBySide
    void signedFirmwareIsCheckedInstalledAndBootedInto() {
        boot(1);
        URI location = bench.ftp().serve("acme-3.0.bin", IMAGE);
        long mark = bench.mark();

        assertThat(update(location, MANUFACTURER.signingCertificatePem(), MANUFACTURER.sign(IMAGE)))
                .isEqualTo(UpdateFirmwareStatus.Accepted);

        Bench.await().until(() -> signedStatuses(mark).contains(SignedFirmwareStatus.Installed));
        assertThat(signedStatuses(mark)).containsExactly(SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloaded,
                SignedFirmwareStatus.SignatureVerified, SignedFirmwareStatus.Installing, SignedFirmwareStatus.Installed);
        assertThat(bench.awaitSent(CP, BootNotificationRequest.class, mark).firmwareVersion()).isEqualTo("acme-3.0");
        assertThat(bench.awaitSent(CP, SecurityEventNotificationRequest.class, mark).type()).isEqualTo("FirmwareUpdated");
        assertThat(bench.sent(CP, SignedFirmwareStatusNotificationRequest.class, mark)).allSatisfy(s -> assertThat(s.requestId()).isEqualTo(5));
    }

    @SideBySide
    void aWrongSignatureOrAStrangersCertificateIsRefused() {
        boot(1);
        URI location = bench.ftp().serve("acme-3.1.bin", IMAGE);
        long mark = bench.mark();

        assertThat(update(location, MANUFACTURER.signingCertificatePem(), MANUFACTURER.sign("other".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(UpdateFirmwareStatus.Accepted);

        Bench.await().until(() -> signedStatuses(mark).contains(SignedFirmwareStatus.InvalidSignature));
        assertThat(signedStatuses(mark)).containsExactly(SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloaded,
                SignedFirmwareStatus.InvalidSignature);
        assertThat(bench.awaitSent(CP, SecurityEventNotificationRequest.class, mark).type()).isEqualTo("InvalidFirmwareSignature");
        bench.barrier(CP);
        assertThat(bench.sent(CP, BootNotificationRequest.class, mark)).isEmpty();
        assertThat(cp.firmwareVersion()).isEqualTo(SimulatorConfig.Identity.DEFAULT.firmwareVersion());

        FirmwareSigner stranger = FirmwareSigner.create("Stranger");
        assertThat(update(location, stranger.signingCertificatePem(), stranger.sign(IMAGE))).isEqualTo(UpdateFirmwareStatus.InvalidCertificate);
    }

    UpdateFirmwareStatus update(URI location, String certificate, String signature) {
        return bench.call(CP, new SignedUpdateFirmwareRequest(1, 1, 5, new Firmware(location.toString(), Instant.now(), null,
                certificate, signature))).status();
    }

    List<SignedFirmwareStatus> signedStatuses(long mark) {
        return bench.sent(CP, SignedFirmwareStatusNotificationRequest.class, mark).stream()
                .map(SignedFirmwareStatusNotificationRequest::status).toList();
    }

    GetInstalledCertificateIdsResponse installedIds(CertificateUse use) {
        return bench.call(CP, new GetInstalledCertificateIdsRequest(use));
    }
}
