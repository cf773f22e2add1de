package io.chargecheck.filetransfer;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * Everything the suite's {@link FileServer} needs to start. Defaults suit tests and the simulator:
 * loopback, FTP only, any free port.
 *
 * @param bindHost       the interface the servers listen on
 * @param advertisedHost the name a station must use to reach them; it goes into every URL handed out
 *                       (a charger on the bench cannot reach "0.0.0.0" or "localhost")
 * @param mode           the setting {@code chargecheck.fileTransfer}
 * @param ftpPort        the FTP control port ({@code chargecheck.ftp.port}); 0 for any free port
 * @param passivePorts   the FTP passive data ports ({@code chargecheck.ftp.passivePorts}); null for any free port
 * @param httpPort       the HTTP port; 0 for any free port
 * @param httpsPort      the HTTPS port; 0 for any free port
 * @param sslContext     the certificate HTTPS presents (the suite's session certificate); HTTPS is not
 *                       served without one
 * @param credentials    the FTP account, which travels in the ftp:// URLs as OCPP expects
 * @param uploadLimit    the largest upload accepted, in bytes; a larger one is refused (HTTP 413, FTP 552)
 * @param dataTimeout    how long a data connection or request body may stall before the transfer is
 *                       given up as incomplete
 */
public record FileServerConfig(String bindHost, String advertisedHost, FileTransferMode mode, int ftpPort,
                               PortRange passivePorts, int httpPort, int httpsPort, SSLContext sslContext,
                               Credentials credentials, long uploadLimit, Duration dataTimeout) {

    public static final long DEFAULT_UPLOAD_LIMIT = 64L * 1024 * 1024;

    /** The FTP account a station logs in with. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public static final Credentials DEFAULT_CREDENTIALS = new Credentials("chargecheck", "chargecheck");

    public FileServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(dataTimeout, "dataTimeout");
        requirePort("ftpPort", ftpPort);
        requirePort("httpPort", httpPort);
        requirePort("httpsPort", httpsPort);
        if (uploadLimit < 1) {
            throw new IllegalArgumentException("the upload limit must be at least one byte, got " + uploadLimit);
        }
        if (mode == FileTransferMode.HTTPS && sslContext == null) {
            throw new IllegalArgumentException("file transfer https needs a certificate (the session's SSLContext)");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** What {@link FileServer} runs: the mode's protocols, without HTTPS when there is no certificate. */
    Set<Protocol> served() {
        Set<Protocol> served = mode.served();
        if (sslContext == null) {
            served.remove(Protocol.HTTPS);
        }
        return served;
    }

    private static void requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " " + port + " is not a port: expected 0 (any) to 65535");
        }
    }

    public static final class Builder {
        private String bindHost = "127.0.0.1";
        private String advertisedHost;
        private FileTransferMode mode = FileTransferMode.FTP;
        private int ftpPort;
        private PortRange passivePorts;
        private int httpPort;
        private int httpsPort;
        private SSLContext sslContext;
        private Credentials credentials = DEFAULT_CREDENTIALS;
        private long uploadLimit = DEFAULT_UPLOAD_LIMIT;
        private Duration dataTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        /** Defaults to the bind host, or 127.0.0.1 when that is a wildcard. */
        public Builder advertisedHost(String host) {
            this.advertisedHost = host;
            return this;
        }

        public Builder mode(FileTransferMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder ftpPort(int port) {
            this.ftpPort = port;
            return this;
        }

        public Builder passivePorts(PortRange ports) {
            this.passivePorts = ports;
            return this;
        }

        public Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        public Builder httpsPort(int port) {
            this.httpsPort = port;
            return this;
        }

        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        public Builder uploadLimit(long bytes) {
            this.uploadLimit = bytes;
            return this;
        }

        public Builder dataTimeout(Duration timeout) {
            this.dataTimeout = timeout;
            return this;
        }

        public FileServerConfig build() {
            String advertised = advertisedHost;
            if (advertised == null || advertised.isBlank()) {
                advertised = bindHost == null || bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
            }
            return new FileServerConfig(bindHost, advertised, mode, ftpPort, passivePorts, httpPort, httpsPort,
                    sslContext, credentials, uploadLimit, dataTimeout);
        }
    }
}
