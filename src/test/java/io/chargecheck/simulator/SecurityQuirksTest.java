package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.centralsystem.ConnectionDetails;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.SecurityProfile;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetType;
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
import io.chargecheck.ocpp.message.Security.GetLogRequest;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import io.chargecheck.ocpp.message.Security.InstallCertificateRequest;
import io.chargecheck.ocpp.message.Security.InstallCertificateStatus;
import io.chargecheck.ocpp.message.Security.LogParameters;
import io.chargecheck.ocpp.message.Security.LogStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.LogType;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignCertificateRequest;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatus;
import io.chargecheck.ocpp.message.Security.SignedFirmwareStatusNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignedUpdateFirmwareRequest;
import io.chargecheck.ocpp.message.Security.UploadLogStatus;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.Pem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** Each quirk of the security extension does what it says (see {@link Quirk#octtCases()} for the cases that catch it). */
class SecurityQuirksTest {

    private static final String CP = SecurityTest.CP;

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        if (bench != null) {
            bench.close();
        }
    }

    private void boot(Quirk quirk, int profile) {
        bench = SecurityTest.securityBench();
        cp = bench.boot(SecurityTest.onProfile(bench, profile, CP).quirk(quirk));
    }

    private ConnectionDetails connection() {
        return bench.cs.awaitSession(CP, Bench.WAIT).connection();
    }

    private ConnectionDetails reconnectedAfter(long mark) {
        Bench.await().until(() -> bench.cs.journal().since(mark).stream()
                .anyMatch(e -> CP.equals(e.chargePointId()) && e.kind() == JournalEntry.Kind.CONNECTED));
        return connection();
    }

    private String signedCsr(CertificateAuthority ca) {
        long mark = bench.mark();
        bench.call(CP, new ExtendedTriggerMessageRequest(ExtendedMessageTrigger.SignChargePointCertificate, null));
        return ca.signCsr(bench.awaitSent(CP, SignCertificateRequest.class, mark).csr());
    }

    @SideBySide
    void keepsOldPassword() {
        boot(Quirk.KEEPS_OLD_PASSWORD, 1);
        bench.cs.acceptPassword(CP, "a-new-password-16");
        long mark = bench.mark();
        assertThat(bench.change(CP, "AuthorizationKey", HexFormat.of().formatHex("a-new-password-16".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(ConfigurationStatus.Accepted);
        assertThat(reconnectedAfter(mark).password()).contains(SecurityTest.PASSWORD);
    }

    @SideBySide
    void keepsOldCertificate() {
        boot(Quirk.KEEPS_OLD_CERTIFICATE, 3);
        X509Certificate factory = connection().tlsDetails().orElseThrow().clientCertificates().get(0);
        String signed = signedCsr(SecurityTest.CA);
        long mark = bench.mark();
        assertThat(bench.call(CP, new CertificateSignedRequest(signed)).status()).isEqualTo(CertificateSignedStatus.Accepted);
        assertThat(reconnectedAfter(mark).tlsDetails().orElseThrow().clientCertificates().get(0)).isEqualTo(factory);
    }

    @SideBySide
    void certificateHashOfWholeKeyInfo() {
        boot(Quirk.CERTIFICATE_HASH_OF_WHOLE_KEY_INFO, 0);
        X509Certificate root = CertificateAuthority.create("Extra", "x").root();
        bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate, Pem.of(root)));
        CertificateHashData right = Certificates.hashData(root, HashAlgorithm.SHA256);
        CertificateHashData listed = bench.call(CP, new GetInstalledCertificateIdsRequest(CertificateUse.CentralSystemRootCertificate))
                .certificateHashData().get(0);
        assertThat(listed.issuerNameHash()).isEqualTo(right.issuerNameHash());
        assertThat(listed.issuerKeyHash()).isNotEqualTo(right.issuerKeyHash());
        assertThat(bench.call(CP, new DeleteCertificateRequest(right)).status()).isEqualTo(DeleteCertificateStatus.NotFound);
    }

    @SideBySide
    void deletedCertificateKept() {
        boot(Quirk.DELETED_CERTIFICATE_KEPT, 0);
        X509Certificate root = CertificateAuthority.create("Extra", "x").root();
        bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate, Pem.of(root)));
        assertThat(bench.call(CP, new DeleteCertificateRequest(Certificates.hashData(root, HashAlgorithm.SHA256))).status())
                .isEqualTo(DeleteCertificateStatus.Accepted);
        assertThat(bench.call(CP, new GetInstalledCertificateIdsRequest(CertificateUse.CentralSystemRootCertificate))
                .certificateHashData()).hasSize(1);
    }

    @SideBySide
    void invalidCertificateAccepted() {
        boot(Quirk.INVALID_CERTIFICATE_ACCEPTED, 3);
        String foreign = signedCsr(CertificateAuthority.create("Stranger", "Elsewhere"));
        long mark = bench.mark();
        assertThat(bench.call(CP, new CertificateSignedRequest(foreign)).status()).isEqualTo(CertificateSignedStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.sent(CP, SecurityEventNotificationRequest.class, mark)).isEmpty();
    }

    @SideBySide
    void invalidRootCertificateInstalled() {
        boot(Quirk.INVALID_ROOT_CERTIFICATE_INSTALLED, 0);
        long mark = bench.mark();
        assertThat(bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate,
                Pem.of(CertificateAuthority.expiredRoot("Old")))).status()).isEqualTo(InstallCertificateStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.sent(CP, SecurityEventNotificationRequest.class, mark)).isEmpty();
    }

    @SideBySide
    void securityLogNotUploaded() {
        boot(Quirk.SECURITY_LOG_NOT_UPLOADED, 1);
        long mark = bench.mark();
        String file = bench.call(CP, new GetLogRequest(new LogParameters(bench.ftp().uploadLocation().toString(), null, null),
                LogType.SecurityLog, 1, null, null)).filename();
        Bench.await().until(() -> bench.sent(CP, LogStatusNotificationRequest.class, mark).stream()
                .anyMatch(s -> s.status() == UploadLogStatus.Uploaded));
        assertThat(bench.ftp().uploaded(file)).isEmpty();
    }

    @SideBySide
    void signatureVerifiedNotReported() {
        boot(Quirk.SIGNATURE_VERIFIED_NOT_REPORTED, 1);
        long mark = signedUpdate(SecurityTest.MANUFACTURER.sign(SecurityTest.IMAGE));
        Bench.await().until(() -> statuses(mark).contains(SignedFirmwareStatus.Installed));
        assertThat(statuses(mark)).containsExactly(SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloaded,
                SignedFirmwareStatus.Installing, SignedFirmwareStatus.Installed);
    }

    @SideBySide
    void invalidFirmwareSignatureInstalled() {
        boot(Quirk.INVALID_FIRMWARE_SIGNATURE_INSTALLED, 1);
        long mark = signedUpdate(SecurityTest.MANUFACTURER.sign("other".getBytes(StandardCharsets.US_ASCII)));
        Bench.await().until(() -> statuses(mark).contains(SignedFirmwareStatus.Installed));
        assertThat(statuses(mark)).contains(SignedFirmwareStatus.SignatureVerified).doesNotContain(SignedFirmwareStatus.InvalidSignature);
    }

    @SideBySide
    void securityProfileUpgradeIgnored() {
        boot(Quirk.SECURITY_PROFILE_UPGRADE_IGNORED, 1);
        bench.call(CP, new InstallCertificateRequest(CertificateUse.CentralSystemRootCertificate, SecurityTest.CA.rootPem()));
        assertThat(bench.change(CP, "SecurityProfile", "2")).isEqualTo(ConfigurationStatus.Accepted);
        long mark = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        bench.awaitSent(CP, BootNotificationRequest.class, mark);
        assertThat(connection().securityProfile()).isEqualTo(SecurityProfile.BASIC);
    }

    @SideBySide
    void securityProfileDowngradeAccepted() {
        boot(Quirk.SECURITY_PROFILE_DOWNGRADE_ACCEPTED, 2);
        long mark = bench.mark();
        assertThat(bench.change(CP, "SecurityProfile", "1")).isEqualTo(ConfigurationStatus.Accepted);
        assertThat(reconnectedAfter(mark).securityProfile()).isEqualTo(SecurityProfile.BASIC);
    }

    @SideBySide
    void passwordLostOnReboot() {
        boot(Quirk.PASSWORD_LOST_ON_REBOOT, 1);
        long mark = bench.mark();
        bench.call(CP, new ResetRequest(ResetType.Hard));
        Bench.await().until(() -> bench.cs.journal().since(mark).stream().anyMatch(e -> e.kind() == JournalEntry.Kind.REFUSED
                && e.raw().contains("it sent no HTTP Basic credentials")));
        assertThat(bench.cs.session(CP)).isEmpty();
    }

    @SideBySide
    void tlsWithoutRequiredCipherSuites() {
        boot(Quirk.TLS_WITHOUT_REQUIRED_CIPHER_SUITES, 2);
        ConnectionDetails.Tls tls = connection().tlsDetails().orElseThrow();
        assertThat(tls.protocol()).isEqualTo("TLSv1.2");
        assertThat(tls.offeredCipherSuites()).contains("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256")
                .doesNotContain("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    @SideBySide
    void clientCertificateNotNamedBySerialNumber() {
        boot(Quirk.CLIENT_CERTIFICATE_NOT_NAMED_BY_SERIAL_NUMBER, 3);
        X509Certificate client = connection().tlsDetails().orElseThrow().clientCertificates().get(0);
        assertThat(Certificates.commonName(client)).contains(CP);
    }

    private long signedUpdate(String signature) {
        URI location = bench.ftp().serve("acme-4.0.bin", SecurityTest.IMAGE);
        long mark = bench.mark();
        bench.call(CP, new SignedUpdateFirmwareRequest(null, null, 9, new Firmware(location.toString(), Instant.now(), null,
                SecurityTest.MANUFACTURER.signingCertificatePem(), signature)));
        return mark;
    }

    private List<SignedFirmwareStatus> statuses(long mark) {
        return bench.sent(CP, SignedFirmwareStatusNotificationRequest.class, mark).stream()
                .map(SignedFirmwareStatusNotificationRequest::status).toList();
    }
}
