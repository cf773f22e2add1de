package io.chargecheck.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts from keys and certificates held in memory: no key store files for the run's own certificates. */
public final class TlsContexts {

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /**
     * A context presenting {@code own} (may be null: no certificate of its own) and trusting
     * {@code trusted} (empty: the JDK's default trust).
     */
    public static SSLContext of(KeyAndChain own, Collection<X509Certificate> trusted) {
        try {
            KeyManagerFactory keys = null;
            if (own != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own.keyStore("own", IN_MEMORY), IN_MEMORY);
            }
            TrustManagerFactory trust = null;
            if (!trusted.isEmpty()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(trusted));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /** A key store of trusted certificates, for a TrustManagerFactory. */
    public static KeyStore trustStore(Collection<X509Certificate> trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (X509Certificate certificate : trusted) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot hold certificates in a trust store: " + e.getMessage(), e);
        }
    }
}
