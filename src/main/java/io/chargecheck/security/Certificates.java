package io.chargecheck.security;

import io.chargecheck.ocpp.message.Security.CertificateHashData;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * What OCPP's certificate messages need of a certificate: its CertificateHashData, and whether a
 * chain or a root is valid, with why not, in words for a report.
 */
public final class Certificates {

    private Certificates() {
    }

    /**
     * The certificate's hash data as OCPP (like OCSP) defines it: the hash of its issuer's DER name,
     * the hash of its issuer's public key (the key bits of the SubjectPublicKeyInfo, without the
     * algorithm), its serial number in hexadecimal without leading zeroes. A root is its own issuer.
     */
    public static CertificateHashData hashData(X509Certificate certificate, X509Certificate issuer, HashAlgorithm algorithm) {
        byte[] keyBits = SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
        return new CertificateHashData(algorithm, hex(digest(algorithm, certificate.getIssuerX500Principal().getEncoded())),
                hex(digest(algorithm, keyBits)), certificate.getSerialNumber().toString(16));
    }

    /** The hash data of a root (self-signed) certificate. */
    public static CertificateHashData hashData(X509Certificate root, HashAlgorithm algorithm) {
        return hashData(root, root, algorithm);
    }

    /** Whether two hash data name the same certificate: hex compared without regard to case or leading zeroes. */
    public static boolean sameCertificate(CertificateHashData a, CertificateHashData b) {
        return a.hashAlgorithm() == b.hashAlgorithm() && a.issuerNameHash().equalsIgnoreCase(b.issuerNameHash())
                && a.issuerKeyHash().equalsIgnoreCase(b.issuerKeyHash())
                && stripZeroes(a.serialNumber()).equalsIgnoreCase(stripZeroes(b.serialNumber()));
    }

    public static byte[] digest(HashAlgorithm algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(switch (algorithm) {
                case SHA256 -> "SHA-256";
                case SHA384 -> "SHA-384";
                case SHA512 -> "SHA-512";
            }).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Why a root certificate may not be installed, or empty: it must be a CA's, signed by its own
     * key, and valid now.
     */
    public static Optional<String> rootProblem(X509Certificate root, Instant now) {
        if (root.getBasicConstraints() < 0) {
            return Optional.of("it is not a CA certificate (no basicConstraints CA:true)");
        }
        if (!root.getSubjectX500Principal().equals(root.getIssuerX500Principal())) {
            return Optional.of("it is not self-signed: issued by " + root.getIssuerX500Principal().getName(X500Principal.RFC2253));
        }
        try {
            root.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            return Optional.of("its signature does not verify with its own key");
        }
        return validity(root, now);
    }

    /** Why the chain (its own certificate first) does not lead to one of the roots, or empty when it does. */
    public static Optional<String> chainProblem(List<X509Certificate> chain, Collection<X509Certificate> roots, Instant now) {
        if (roots.isEmpty()) {
            return Optional.of("no root certificate is installed to check it against");
        }
        Optional<String> expired = validity(chain.get(0), now);
        if (expired.isPresent()) {
            return expired;
        }
        try {
            Set<TrustAnchor> anchors = roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            List<X509Certificate> path = chain.stream().filter(c -> roots.stream().noneMatch(c::equals)).toList();
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path),
                    parameters);
            return Optional.empty();
        } catch (java.security.cert.CertPathValidatorException e) {
            return Optional.of("it does not lead to an installed root: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return Optional.of("it cannot be checked: " + e.getMessage());
        }
    }

    private static Optional<String> validity(X509Certificate certificate, Instant now) {
        Date at = Date.from(now);
        if (at.after(certificate.getNotAfter())) {
            return Optional.of("it expired on " + certificate.getNotAfter().toInstant());
        }
        if (at.before(certificate.getNotBefore())) {
            return Optional.of("it is valid only from " + certificate.getNotBefore().toInstant());
        }
        return Optional.empty();
    }

    /** The subject's common name, or empty. */
    public static Optional<String> commonName(X509Certificate certificate) {
        return attribute(certificate, "CN");
    }

    public static Optional<String> organization(X509Certificate certificate) {
        return attribute(certificate, "O");
    }

    private static Optional<String> attribute(X509Certificate certificate, String type) {
        try {
            javax.naming.ldap.LdapName name = new javax.naming.ldap.LdapName(
                    certificate.getSubjectX500Principal().getName(X500Principal.RFC2253));
            return name.getRdns().stream().filter(rdn -> rdn.getType().equalsIgnoreCase(type))
                    .map(rdn -> String.valueOf(rdn.getValue())).findFirst();
        } catch (javax.naming.InvalidNameException e) {
            return Optional.empty();
        }
    }

    /** The size of the certificate's public key in bits (the field size for EC keys). */
    public static int keyBits(X509Certificate certificate) {
        java.security.PublicKey key = certificate.getPublicKey();
        if (key instanceof java.security.interfaces.ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof java.security.interfaces.RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof java.security.interfaces.DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        return 0;
    }

    /** "EC 256 bits, CN=..., serial ...": a certificate in one line for a report. */
    public static String describe(X509Certificate certificate) {
        return certificate.getPublicKey().getAlgorithm() + " " + keyBits(certificate) + " bits, "
                + certificate.getSubjectX500Principal().getName(X500Principal.RFC2253) + ", serial "
                + certificate.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
    }

    private static String stripZeroes(String hex) {
        String stripped = hex.replaceFirst("^0+(?=.)", "");
        return stripped;
    }
}
