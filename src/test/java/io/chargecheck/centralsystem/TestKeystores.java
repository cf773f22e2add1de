package io.chargecheck.centralsystem;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Self-signed keystores made by the JDK's own keytool, so no certificate is committed. */
public final class TestKeystores {

    private TestKeystores() {
    }

    public static Path selfSigned(Path file, String password) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "chargecheck",
                "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "1",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        return file;
    }
}
