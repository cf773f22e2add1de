package io.chargecheck.security;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.TrustManagerFactory;

/** TLS contexts from keys and certificates held in memory: no key store files for the run's own certificates. */
public final class TlsContexts {

    private TlsContexts() {
    }

    /**
     * A context presenting {@code own} (may be null: no certificate of its own) and trusting
     * {@code trusted} (empty: the JDK's default trust).
     */
    public static SSLContext of(KeyAndChain own, Collection<X509Certificate> trusted) {
        try {
            KeyManager[] keys = own == null ? null : new KeyManager[] {new OwnKey(own)};
            TrustManagerFactory trust = null;
            if (!trusted.isEmpty()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(trustStore(trusted));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * Presents one key and chain, whatever the peer asks for: a key store would encrypt the key with
     * thousands of PBKDF2 rounds only for the key manager to decrypt it again, once per connection.
     */
    private static final class OwnKey extends X509ExtendedKeyManager {
        private static final String ALIAS = "own";
        private final KeyAndChain own;

        OwnKey(KeyAndChain own) {
            this.own = own;
        }

        private String aliasFor(String keyType) {
            String algorithm = own.key().getAlgorithm();
            return keyType == null || keyType.equals(algorithm) || (algorithm.equals("RSA") && keyType.startsWith("RSA"))
                    ? ALIAS : null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return aliasFor(keyType) == null ? null : new String[] {ALIAS};
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            for (String keyType : keyTypes) {
                if (aliasFor(keyType) != null) {
                    return ALIAS;
                }
            }
            return null;
        }

        @Override
        public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
            return chooseClientAlias(keyTypes, issuers, null);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? own.chain().toArray(X509Certificate[]::new) : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? own.key() : null;
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
