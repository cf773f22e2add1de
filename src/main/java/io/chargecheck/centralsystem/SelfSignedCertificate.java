package io.chargecheck.centralsystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for a bench session with security profile 2 or 3 when the user brings
 * no keystore. The JDK has no public API to sign a certificate, so the JDK's own keytool makes it.
 */
public final class SelfSignedCertificate {

    public static final String ALIAS = "chargecheck";

    private SelfSignedCertificate() {
    }

    /** Writes a PKCS12 keystore with a fresh EC key and a certificate valid for the given names and addresses. */
    public static Path generate(Path keystore, String password, List<String> hostsAndAddresses) {
        List<String> san = new ArrayList<>();
        for (String name : hostsAndAddresses) {
            san.add((name.matches("[0-9.]+|.*:.*") ? "ip:" : "dns:") + name);
        }
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Files.deleteIfExists(keystore);
            if (keystore.getParent() != null) {
                Files.createDirectories(keystore.getParent());
            }
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS,
                    "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=ChargeCheck central system",
                    "-validity", "30", "-ext", "SAN=" + String.join(",", san), "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool could not make a certificate: " + output.strip());
            }
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool + " to make a certificate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making a certificate", e);
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
