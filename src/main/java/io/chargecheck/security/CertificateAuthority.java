package io.chargecheck.security;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A certificate authority: a root certificate and its key. It issues the central system's server
 * certificate, client certificates for charge points (security profile 3) and code-signing
 * certificates (a manufacturer's firmware), and signs a charge point's CSR as the CA behind a
 * central system does for SignCertificate. Keys are EC P-256: the OCPP 1.6 security whitepaper
 * allows them, they make the ECDHE_ECDSA cipher suites it names, and they are quick to make.
 */
public final class CertificateAuthority {

    /** Certificates a CA issues are valid from a little before now, for chargers whose clock is behind. */
    static final Duration BACKDATED = Duration.ofHours(1);
    static final Duration ROOT_VALIDITY = Duration.ofDays(365);
    public static final Duration ISSUED_VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyAndChain root;

    private CertificateAuthority(KeyAndChain root) {
        this.root = root;
    }

    /** A new root, valid for a year from an hour ago, named {@code CN=<commonName>, O=<organization>}. */
    public static CertificateAuthority create(String commonName, String organization) {
        KeyPair keys = newKeyPair();
        X500Name name = name(commonName, organization);
        Instant now = Instant.now();
        X509Certificate certificate = build(name, keys.getPublic(), name, keys.getPrivate(), keys.getPublic(),
                now.minus(BACKDATED), now.plus(ROOT_VALIDITY), Role.CA, List.of());
        return new CertificateAuthority(new KeyAndChain(keys.getPrivate(), List.of(certificate)));
    }

    /** A root that expired yesterday: what a station must refuse to install (TC_078). */
    public static X509Certificate expiredRoot(String commonName) {
        KeyPair keys = newKeyPair();
        X500Name name = name(commonName, "ChargeCheck");
        Instant now = Instant.now();
        return build(name, keys.getPublic(), name, keys.getPrivate(), keys.getPublic(), now.minus(Duration.ofDays(30)),
                now.minus(Duration.ofDays(1)), Role.CA, List.of());
    }

    /** The first key entry of a PKCS12 key store, whose certificate must be a CA's. */
    public static CertificateAuthority load(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password.toCharArray());
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) certificate);
                    }
                    if (chain.get(0).getBasicConstraints() < 0) {
                        throw new IllegalArgumentException("the certificate of '" + alias + "' in " + keystore
                                + " is not a CA's (no basicConstraints CA:true)");
                    }
                    return new CertificateAuthority(new KeyAndChain(key, chain));
                }
            }
            throw new IllegalArgumentException(keystore + " holds no private key");
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the CA key store " + keystore + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate root() {
        return root.certificate();
    }

    public String rootPem() {
        return Pem.of(root());
    }

    /** A server certificate for these host names and addresses (its subjectAltName), with its chain. */
    public KeyAndChain issueServer(String commonName, List<String> hostsAndAddresses) {
        List<GeneralName> names = new ArrayList<>();
        for (String host : hostsAndAddresses) {
            names.add(new GeneralName(isAddress(host) ? GeneralName.iPAddress : GeneralName.dNSName, host));
        }
        return issue(name(commonName, organization()), Role.SERVER, names);
    }

    /** A client certificate for a charge point: CN its serial number, O the CPO (the whitepaper's profile 3). */
    public KeyAndChain issueClient(String serialNumber, String cpoName) {
        return issue(name(serialNumber, cpoName), Role.CLIENT, List.of());
    }

    /** A certificate for signing firmware, as a manufacturer's root issues it. */
    public KeyAndChain issueCodeSigning(String commonName) {
        return issue(name(commonName, organization()), Role.CODE_SIGNING, List.of());
    }

    /**
     * Signs a charge point's CSR as its client certificate: the CSR's own signature must hold; the
     * subject is taken as the station asked for it (whether it is right is for the case to judge).
     */
    public X509Certificate sign(PKCS10CertificationRequest csr) {
        try {
            PublicKey key = publicKey(csr.getSubjectPublicKeyInfo());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new IllegalArgumentException("the CSR's signature does not verify with the key it carries");
            }
            Instant now = Instant.now();
            return build(csr.getSubject(), key, x500(root()), root.key(), root().getPublicKey(), now.minus(BACKDATED),
                    now.plus(ISSUED_VALIDITY), Role.CLIENT, List.of());
        } catch (OperatorCreationException | PKCSException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign the CSR: " + e.getMessage(), e);
        }
    }

    /** The PEM a CertificateSigned carries for a CSR in PEM: the signed certificate. */
    public String signCsr(String csrPem) {
        return Pem.of(sign(Pem.csr(csrPem)));
    }

    /** A CSR for a key pair, as a charge point makes one: CN its serial number, O its CPO. */
    public static PKCS10CertificationRequest csr(KeyPair keys, String commonName, String organization) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(keys.getPrivate())).build(keys.getPrivate());
            return new JcaPKCS10CertificationRequestBuilder(name(commonName, organization), keys.getPublic()).build(signer);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot make a CSR: " + e.getMessage(), e);
        }
    }

    /** The JDK's key for a SubjectPublicKeyInfo: EC or RSA, the keys a station's CSR may carry. */
    static PublicKey publicKey(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) throws GeneralSecurityException {
        String oid = info.getAlgorithm().getAlgorithm().getId();
        String algorithm = switch (oid) {
            case "1.2.840.10045.2.1" -> "EC";
            case "1.2.840.113549.1.1.1" -> "RSA";
            default -> throw new java.security.NoSuchAlgorithmException("keys of algorithm " + oid + " are not taken");
        };
        try {
            return java.security.KeyFactory.getInstance(algorithm).generatePublic(new java.security.spec.X509EncodedKeySpec(
                    info.getEncoded()));
        } catch (IOException e) {
            throw new java.security.InvalidKeyException("the key cannot be read: " + e.getMessage(), e);
        }
    }

    /** A fresh EC P-256 key pair. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make EC keys: " + e.getMessage(), e);
        }
    }

    private String organization() {
        return root().getSubjectX500Principal().getName(X500Principal.RFC2253).replaceAll(".*O=([^,]*).*", "$1");
    }

    private KeyAndChain issue(X500Name subject, Role role, List<GeneralName> altNames) {
        KeyPair keys = newKeyPair();
        Instant now = Instant.now();
        X509Certificate certificate = build(subject, keys.getPublic(), x500(root()), root.key(), root().getPublicKey(),
                now.minus(BACKDATED), now.plus(ISSUED_VALIDITY), role, altNames);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(root.chain());
        return new KeyAndChain(keys.getPrivate(), chain);
    }

    private enum Role { CA, SERVER, CLIENT, CODE_SIGNING }

    private static X509Certificate build(X500Name subject, PublicKey subjectKey, X500Name issuer, PrivateKey issuerKey,
                                         PublicKey issuerPublicKey, Instant from, Instant until, Role role,
                                         List<GeneralName> altNames) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(from), Date.from(until), subject, subjectKey);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerPublicKey));
            switch (role) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case SERVER -> endEntity(builder, KeyPurposeId.id_kp_serverAuth);
                case CLIENT -> endEntity(builder, KeyPurposeId.id_kp_clientAuth);
                case CODE_SIGNING -> endEntity(builder, KeyPurposeId.id_kp_codeSigning);
            }
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(altNames.toArray(GeneralName[]::new)));
            }
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm(issuerKey)).build(issuerKey);
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    private static void endEntity(X509v3CertificateBuilder builder, KeyPurposeId purpose) throws CertIOException {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(purpose == KeyPurposeId.id_kp_codeSigning
                ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }

    /** SHA256withECDSA for EC keys, SHA256withRSA for RSA ones (a CA loaded from a keystore may have either). */
    static String signatureAlgorithm(java.security.Key key) {
        return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
    }

    private static X500Name name(String commonName, String organization) {
        return new X500Name("CN=" + escape(commonName) + (organization == null || organization.isBlank() ? ""
                : ", O=" + escape(organization)));
    }

    private static String escape(String value) {
        return value.replaceAll("([,+\"\\\\<>;=#])", "\\\\$1");
    }

    private static X500Name x500(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static boolean isAddress(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }
}
