package io.chargecheck.security;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A private key and its certificate chain, its own certificate first. */
public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {

    public KeyAndChain {
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain as PEM, as CertificateSigned carries it. */
    public String chainPem() {
        return Pem.of(chain);
    }
}
