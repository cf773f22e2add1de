package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.RemoteTrigger.TriggerMessageStatus;
import io.chargecheck.ocpp.message.Security.CertificateHashData;
import io.chargecheck.ocpp.message.Security.CertificateSignedRequest;
import io.chargecheck.ocpp.message.Security.CertificateSignedStatus;
import io.chargecheck.ocpp.message.Security.CertificateUse;
import io.chargecheck.ocpp.message.Security.DeleteCertificateRequest;
import io.chargecheck.ocpp.message.Security.DeleteCertificateStatus;
import io.chargecheck.ocpp.message.Security.ExtendedMessageTrigger;
import io.chargecheck.ocpp.message.Security.ExtendedTriggerMessageRequest;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsRequest;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsResponse;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateStatus;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import io.chargecheck.ocpp.message.Security.InstallCertificateRequest;
import io.chargecheck.ocpp.message.Security.InstallCertificateStatus;
import io.chargecheck.ocpp.message.Security.SecurityEventNotificationRequest;
import io.chargecheck.ocpp.message.Security.SignCertificateRequest;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.Pem;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The station's certificates, as the security extension's cases handle them (TC_074 to TC_078):
 * its client certificate renewed on request with the central system acting as CA, an invalid one
 * refused, root certificates installed, listed by the hash the central system computes itself, and
 * deleted, an expired one refused. Every refusal the whitepaper wants notified is a security event.
 */
public final class CertificateManagement {

    /** A CA no station trusts: what TC_077_CS signs the station's CSR with. Made once per JVM. */
    private static final class StrangerCa {
        static final CertificateAuthority CA = CertificateAuthority.create("ChargeCheck untrusted CA", "Nobody");
    }

    private final Context context;
    private String signedChain;
    private CertificateSignedStatus signedStatus;

    public CertificateManagement(Context context) {
        this.context = context;
    }

    /** Before TC_074_CS and TC_077_CS: CpoName as the test data gives it ({@code chargecheck.octt.cpoName}). */
    public void configureCpoName() {
        String cpo = context.settings().octt().getOrDefault("cpoName", "ChargeCheck CPO");
        new ReusableStates(context).configure(Map.of("CpoName", cpo), false);
    }

    // ---------------------------------------------------------------- the station's own certificate

    /** ExtendedTriggerMessage SignChargePointCertificate, Accepted; the station's SignCertificate follows. */
    public void renewChargePointCertificate() {
        long before = context.evidence().mark();
        TriggerMessageStatus status = context.platform().send(new ExtendedTriggerMessageRequest(
                ExtendedMessageTrigger.SignChargePointCertificate, null)).status();
        if (status != TriggerMessageStatus.Accepted) {
            throw new AssertionError("expected ExtendedTriggerMessage SignChargePointCertificate to be Accepted; it was " + status,
                    null);
        }
        context.scene().lastAction = before;
    }

    /** The CSR the station sent, signed by the run's CA (or, for TC_077_CS, by a CA no one trusts), sent back. */
    public void signTheRequest(boolean trusted) {
        Received<SignCertificateRequest> request = context.evidence().next(SignCertificateRequest.class)
                .after(context.scene().lastAction).within(context.patience());
        CertificateAuthority ca = trusted ? context.bench().certificates().authority() : StrangerCa.CA;
        try {
            signedChain = ca.signCsr(request.message().csr());
        } catch (IllegalArgumentException e) {
            throw new AssertionError("expected SignCertificate to carry a PEM certificate signing request the central system can "
                    + "sign; " + Untrusted.shown(e.getMessage()), null);
        }
        long before = context.evidence().mark();
        signedStatus = context.platform().send(new CertificateSignedRequest(signedChain)).status();
        context.scene().lastAction = before;
    }

    public void assertSignedCertificateAccepted() {
        if (signedStatus == null) {
            signTheRequest(true);
        }
        if (signedStatus != CertificateSignedStatus.Accepted) {
            throw new AssertionError("expected CertificateSigned with the certificate the central system signed to be Accepted; "
                    + "it was " + signedStatus, null);
        }
    }

    /** TC_074_CS: the station reconnects, presenting the certificate it was just given. */
    public void assertReconnectedWithNewCertificate() {
        SecurityProfiles profiles = new SecurityProfiles(context);
        var details = profiles.awaitReconnection(context.scene().lastAction, profiles.reconnection(),
                "reconnect with its new certificate");
        X509Certificate signed = Pem.certificates(signedChain).get(0);
        List<X509Certificate> shown = details.tlsDetails().map(t -> t.clientCertificates()).orElse(List.of());
        if (shown.isEmpty() || !shown.get(0).equals(signed)) {
            throw new AssertionError("expected the station to reconnect with the certificate it was given ("
                    + Certificates.describe(signed) + "); it presented " + (shown.isEmpty() ? "none"
                    : Untrusted.shown(Certificates.describe(shown.get(0)))), null);
        }
    }

    /** TC_077_CS: Rejected, and the security event InvalidChargePointCertificate. */
    public void assertSignedCertificateRejected() {
        if (signedStatus != CertificateSignedStatus.Rejected) {
            throw new AssertionError("expected CertificateSigned with a certificate of a CA the station does not trust to be "
                    + "Rejected; it was " + signedStatus, null);
        }
        awaitSecurityEvent("InvalidChargePointCertificate");
    }

    // ---------------------------------------------------------------- root certificates

    /** The memory state CertificateInstalled: the certificate is there, installed now if it was not. */
    public void certificateInstalled(CertificateUse use, X509Certificate certificate) {
        if (!listed(use).contains(certificate)) {
            install(use, certificate);
            assertInstallAnswered(InstallCertificateStatus.Accepted);
        }
    }

    /** TC_075_*: the run's test root; TC_078_CS: a root that expired yesterday. */
    public void install(CertificateUse use, X509Certificate certificate) {
        installStatus = context.platform().send(new InstallCertificateRequest(use, Pem.of(certificate))).status();
    }

    private InstallCertificateStatus installStatus;

    public void assertInstallAnswered(InstallCertificateStatus expected) {
        if (installStatus != expected) {
            throw new AssertionError("expected InstallCertificate to be answered " + expected + "; it was " + installStatus, null);
        }
    }

    /** GetInstalledCertificateIds lists the certificate, by the hash data the central system computes itself. */
    public void assertListed(CertificateUse use, X509Certificate certificate) {
        GetInstalledCertificateIdsResponse answer = installedIds(use);
        if (answer.status() != GetInstalledCertificateStatus.Accepted) {
            throw new AssertionError("expected GetInstalledCertificateIds " + use + " to be Accepted; it was " + answer.status(), null);
        }
        if (!listed(answer).contains(certificate)) {
            throw new AssertionError("expected GetInstalledCertificateIds " + use + " to list " + Certificates.describe(certificate)
                    + " with hash data " + describe(Certificates.hashData(certificate, HashAlgorithm.SHA256)) + "; it listed "
                    + answer.certificateHashData().stream().map(CertificateManagement::describe).collect(Collectors.joining("; ")),
                    null);
        }
    }

    /** TC_076_CS: DeleteCertificate with the hash data of the certificate, in the algorithm the station uses; Accepted. */
    public void delete(CertificateUse use, X509Certificate certificate) {
        GetInstalledCertificateIdsResponse listed = installedIds(use);
        HashAlgorithm algorithm = listed.certificateHashData() == null || listed.certificateHashData().isEmpty()
                ? HashAlgorithm.SHA256 : listed.certificateHashData().get(0).hashAlgorithm();
        DeleteCertificateStatus status = context.platform().send(new DeleteCertificateRequest(
                Certificates.hashData(certificate, algorithm))).status();
        if (status != DeleteCertificateStatus.Accepted) {
            throw new AssertionError("expected DeleteCertificate of " + Certificates.describe(certificate)
                    + " to be Accepted; it was " + status, null);
        }
    }

    public void assertNotListed(CertificateUse use, X509Certificate certificate) {
        if (listed(use).contains(certificate)) {
            throw new AssertionError("expected GetInstalledCertificateIds " + use + " no longer to list "
                    + Certificates.describe(certificate) + " after it was deleted; it still does", null);
        }
    }

    /** TC_078_CS: Rejected, and the security event InvalidCentralSystemCertificate. */
    public void assertRootRejected() {
        assertInstallAnswered(InstallCertificateStatus.Rejected);
        awaitSecurityEvent("InvalidCentralSystemCertificate");
    }

    // ---------------------------------------------------------------- helpers

    private GetInstalledCertificateIdsResponse installedIds(CertificateUse use) {
        return context.platform().send(new GetInstalledCertificateIdsRequest(use));
    }

    private List<X509Certificate> listed(CertificateUse use) {
        return listed(installedIds(use));
    }

    /** Which of the certificates the case knows the station listed: each entry compared in its own algorithm. */
    private List<X509Certificate> listed(GetInstalledCertificateIdsResponse answer) {
        if (answer.certificateHashData() == null) {
            return List.of();
        }
        List<X509Certificate> known = List.of(context.bench().certificates().testRoot(),
                context.bench().certificates().authority().root());
        return known.stream().filter(certificate -> answer.certificateHashData().stream()
                .anyMatch(id -> Certificates.sameCertificate(id, Certificates.hashData(certificate, id.hashAlgorithm())))).toList();
    }

    void awaitSecurityEvent(String type) {
        context.evidence().next(SecurityEventNotificationRequest.class)
                .matching("of type " + type, event -> event.type().equals(type))
                .after(context.scene().lastAction).within(context.patience());
    }

    private static String describe(CertificateHashData id) {
        return id.hashAlgorithm() + " issuerNameHash " + Untrusted.shown(id.issuerNameHash())
                + ", issuerKeyHash " + Untrusted.shown(id.issuerKeyHash()) + ", serialNumber "
                + Untrusted.shown(id.serialNumber());
    }
}
