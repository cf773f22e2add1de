package io.chargecheck.centralsystem;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for a bench session with security profile 2 or 3 when the user brings
 * no keystore. Made with Bouncy Castle in this JVM: the JDK's keytool, which made it before, is a
 * JVM of its own per certificate, a second of CPU each.
 */
public final class SelfSignedCertificate {

    public static final String ALIAS = "chargecheck";
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private SelfSignedCertificate() {
    }

    /** Writes a PKCS12 keystore with a fresh EC key and a certificate valid for the given names and addresses. */
    public static Path generate(Path keystore, String password, List<String> hostsAndAddresses) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=ChargeCheck central system");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(63, RANDOM),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
            GeneralName[] names = hostsAndAddresses.stream().map(name -> new GeneralName(
                    name.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, name)).toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            if (keystore.getParent() != null) {
                Files.createDirectories(keystore.getParent());
            }
            try (OutputStream out = Files.newOutputStream(keystore)) {
                store.store(out, password.toCharArray());
            }
            return keystore;
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not make a certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of the keystore's first certificate, as chargers and browsers show it (AB:CD:...). */
    public static String fingerprint(Path keystore, String password) {
        try {
            KeyStore store = TlsSupport.load(keystore, password);
            String alias = store.aliases().nextElement();
            Certificate certificate = store.getCertificate(alias);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot read keystore " + keystore + ": " + e.getMessage(), e);
        }
    }
}
