package io.chargecheck.security;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * A manufacturer that signs its firmware, as the security extension's SignedUpdateFirmware wants
 * it: a manufacturer root (what a station holds as its ManufacturerRootCertificate), a signing
 * certificate it issued, and the signature of an image, SHA-256 with the signing key, in base64.
 */
public final class FirmwareSigner {

    private final CertificateAuthority manufacturer;
    private final KeyAndChain signing;

    private FirmwareSigner(CertificateAuthority manufacturer, KeyAndChain signing) {
        this.manufacturer = manufacturer;
        this.signing = signing;
    }

    public static FirmwareSigner create(String manufacturerName) {
        CertificateAuthority root = CertificateAuthority.create(manufacturerName + " manufacturer root", manufacturerName);
        return new FirmwareSigner(root, root.issueCodeSigning(manufacturerName + " firmware signing"));
    }

    public X509Certificate manufacturerRoot() {
        return manufacturer.root();
    }

    public String manufacturerRootPem() {
        return manufacturer.rootPem();
    }

    public X509Certificate signingCertificate() {
        return signing.certificate();
    }

    /** The signing certificate as SignedUpdateFirmware carries it. */
    public String signingCertificatePem() {
        return Pem.of(signing.certificate());
    }

    /** The image's signature in base64. */
    public String sign(byte[] image) {
        try {
            Signature signature = Signature.getInstance(CertificateAuthority.signatureAlgorithm(signing.key()));
            signature.initSign(signing.key());
            signature.update(image);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign firmware: " + e.getMessage(), e);
        }
    }

    /** Whether the base64 signature is the signer's over the image; a signature that is not even base64 is not. */
    public static boolean verifies(byte[] image, String signatureBase64, X509Certificate signer) {
        try {
            byte[] bytes = Base64.getDecoder().decode(signatureBase64.strip());
            Signature signature = Signature.getInstance(CertificateAuthority.signatureAlgorithm(signer.getPublicKey()));
            signature.initVerify(signer.getPublicKey());
            signature.update(image);
            return signature.verify(bytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
