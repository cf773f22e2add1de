package io.chargecheck.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chargecheck.ocpp.message.Security.CertificateHashData;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    /** One CA for the class: a root is made in milliseconds, but there is no need to make it twice. */
    private static final CertificateAuthority CA = CertificateAuthority.create("Test CA", "ChargeCheck Test");

    @Test
    void theRootIsACaAndWhatItIssuesLeadsToIt() throws Exception {
        X509Certificate root = CA.root();
        assertThat(root.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(Certificates.rootProblem(root, Instant.now())).isEmpty();

        KeyAndChain server = CA.issueServer("central system", List.of("127.0.0.1", "localhost"));
        assertThat(server.chain()).hasSize(2).endsWith(root);
        assertThat(server.certificate().getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))))
                .contains("127.0.0.1", "localhost");
        assertThat(server.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThat(Certificates.chainProblem(server.chain(), List.of(root), Instant.now())).isEmpty();

        KeyAndChain client = CA.issueClient("SERIAL-1", "The CPO");
        assertThat(Certificates.commonName(client.certificate())).contains("SERIAL-1");
        assertThat(Certificates.organization(client.certificate())).contains("The CPO");
        assertThat(client.certificate().getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void aCsrIsSignedWithItsOwnKeyAndSubject() {
        KeyPair keys = CertificateAuthority.newKeyPair();
        String csr = Pem.of(CertificateAuthority.csr(keys, "CCSIM-1", "CPO, Inc."));

        List<X509Certificate> signed = Pem.certificates(CA.signCsr(csr));

        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(Certificates.commonName(signed.get(0))).contains("CCSIM-1");
        assertThat(Certificates.organization(signed.get(0))).contains("CPO, Inc.");
        assertThat(Certificates.chainProblem(signed, List.of(CA.root()), Instant.now())).isEmpty();
    }

    @Test
    void anotherCasCertificateAndAnExpiredRootAreRefusedSayingWhy() {
        CertificateAuthority stranger = CertificateAuthority.create("Stranger", "Elsewhere");
        X509Certificate foreign = stranger.issueClient("SERIAL-1", "x").certificate();
        assertThat(Certificates.chainProblem(List.of(foreign), List.of(CA.root()), Instant.now()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("it does not lead to an installed root"));
        assertThat(Certificates.chainProblem(List.of(foreign), List.of(), Instant.now())).isPresent();

        X509Certificate expired = CertificateAuthority.expiredRoot("Old root");
        assertThat(Certificates.rootProblem(expired, Instant.now())).hasValueSatisfying(why -> assertThat(why).startsWith("it expired on"));
        assertThat(Certificates.rootProblem(foreign, Instant.now())).contains("it is not a CA certificate (no basicConstraints CA:true)");
    }

    @Test
    void hashDataIsWhatOcspComputesForTheSameCertificate() throws Exception {
        X509Certificate leaf = CA.issueClient("SERIAL-2", "x").certificate();
        CertificateHashData ours = Certificates.hashData(leaf, CA.root(), HashAlgorithm.SHA256);
        CertificateID ocsp = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(CA.root()), leaf.getSerialNumber());
        // BC's OCSP id only does SHA-1 out of the box, so compare on SHA-1 what our code does on any algorithm.
        byte[] keyBits = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(CA.root().getPublicKey().getEncoded())
                .getPublicKeyData().getBytes();
        assertThat(ocsp.getIssuerKeyHash()).isEqualTo(java.security.MessageDigest.getInstance("SHA-1").digest(keyBits));
        assertThat(ocsp.getIssuerNameHash()).isEqualTo(java.security.MessageDigest.getInstance("SHA-1")
                .digest(leaf.getIssuerX500Principal().getEncoded()));
        assertThat(ours.issuerKeyHash()).isEqualTo(HexFormat.of().formatHex(Certificates.digest(HashAlgorithm.SHA256, keyBits)));
        assertThat(ours.issuerNameHash()).hasSize(64);
        assertThat(ours.serialNumber()).isEqualTo(leaf.getSerialNumber().toString(16)).doesNotStartWith("0");

        assertThat(Certificates.sameCertificate(ours, new CertificateHashData(HashAlgorithm.SHA256,
                ours.issuerNameHash().toUpperCase(), ours.issuerKeyHash().toUpperCase(), "00" + ours.serialNumber()))).isTrue();
        assertThat(Certificates.sameCertificate(ours, Certificates.hashData(leaf, CA.root(), HashAlgorithm.SHA384))).isFalse();
    }

    @Test
    void firmwareSignedByTheManufacturerVerifiesAndNothingElseDoes() {
        FirmwareSigner manufacturer = FirmwareSigner.create("ACME");
        byte[] image = "firmware 2.0".getBytes(StandardCharsets.US_ASCII);
        String signature = manufacturer.sign(image);

        assertThat(FirmwareSigner.verifies(image, signature, manufacturer.signingCertificate())).isTrue();
        assertThat(FirmwareSigner.verifies("firmware 2.1".getBytes(StandardCharsets.US_ASCII), signature,
                manufacturer.signingCertificate())).isFalse();
        assertThat(FirmwareSigner.verifies(image, "bm90IGEgc2lnbmF0dXJl", manufacturer.signingCertificate())).isFalse();
        assertThat(FirmwareSigner.verifies(image, "not base64 at all!", manufacturer.signingCertificate())).isFalse();
        assertThat(Certificates.chainProblem(List.of(manufacturer.signingCertificate()), List.of(manufacturer.manufacturerRoot()),
                Instant.now())).isEmpty();
    }

    @Test
    void pemThatIsNoCertificateIsRefusedSayingSo() {
        assertThatThrownBy(() -> Pem.certificates("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no PEM certificate in the text");
        String csr = Pem.of(CertificateAuthority.csr(CertificateAuthority.newKeyPair(), "x", null));
        assertThatThrownBy(() -> Pem.certificates(csr)).hasMessageContaining("not an X.509 certificate");
        assertThatThrownBy(() -> Pem.csr(CA.rootPem())).hasMessageContaining("not a certificate signing request");
    }
}
