package io.chargecheck.filetransfer;

import io.chargecheck.centralsystem.SelfSignedCertificate;
import io.chargecheck.centralsystem.TlsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** What the file transfer tests share: a session certificate, free ports, content. */
final class TestSupport {

    static final String PASSWORD = "changeit";

    private TestSupport() {
    }

    /** The suite's kind of certificate: the server presents it, the client trusts it. */
    record Tls(SSLContext server, SSLContext client) {
    }

    private static Tls tls;

    /** Made once per test run: keytool takes seconds. */
    static synchronized Tls sessionCertificate() {
        if (tls == null) {
            try {
                Path directory = Files.createTempDirectory("chargecheck-filetransfer-tls");
                tls = makeCertificate(directory);
                Files.walk(directory).sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (Exception e) {
                throw new IllegalStateException("cannot make the session certificate: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    private static Tls makeCertificate(Path directory) throws Exception {
        Path keystore = SelfSignedCertificate.generate(directory.resolve("session.p12"), PASSWORD,
                List.of("localhost", "127.0.0.1"));
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        return new Tls(TlsSupport.serverContext(keystore, PASSWORD, null, null), client);
    }

    /**
     * Consecutive ports that are free now, below the range the OS hands out for port 0, so nothing
     * else in the build takes them in the moment between this check and the server binding them.
     */
    static PortRange freePorts(int count) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20000, 32000 - count);
            if (allFree(first, count)) {
                return new PortRange(first, first + count - 1);
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** Bytes that are not all alike, so a shifted or truncated copy never passes for the original. */
    static byte[] content(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
