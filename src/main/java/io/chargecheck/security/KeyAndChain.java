package io.chargecheck.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
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

    /** A PKCS12 key store holding only this key and chain, for a KeyManagerFactory. */
    public KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, key, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold a key in a key store: " + e.getMessage(), e);
        }
    }
}
