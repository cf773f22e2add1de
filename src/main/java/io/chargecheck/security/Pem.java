package io.chargecheck.security;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** PEM, the text form OCPP carries certificates and CSRs in. What a station sends is parsed with care: bad text is an error that says so. */
public final class Pem {

    private Pem() {
    }

    public static String of(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    public static String of(X509Certificate certificate) {
        return write(certificate);
    }

    public static String of(PKCS10CertificationRequest csr) {
        return write(csr);
    }

    private static String write(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The certificates of a PEM text, in order; fails saying why when it holds none or something else. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (!(object instanceof X509CertificateHolder holder)) {
                    throw new IllegalArgumentException("the PEM text holds a " + object.getClass().getSimpleName()
                            + ", not an X.509 certificate");
                }
                certificates.add(converter.getCertificate(holder));
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no PEM certificate in the text");
        }
        return certificates;
    }

    /** The CSR of a PEM text; fails saying why when it holds none. */
    public static PKCS10CertificationRequest csr(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem == null ? "" : pem))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
            throw new IllegalArgumentException(object == null ? "no PEM certificate signing request in the text"
                    : "the PEM text holds a " + object.getClass().getSimpleName() + ", not a certificate signing request");
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException illegal) {
                throw illegal;
            }
            throw new IllegalArgumentException("not a PEM certificate signing request: " + e.getMessage(), e);
        }
    }
}
