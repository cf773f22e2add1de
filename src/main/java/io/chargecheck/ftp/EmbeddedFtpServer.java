package io.chargecheck.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.FileSystemEntry;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;

/**
 * An FTP server in memory, for the two transfers OCPP 1.6 makes over FTP: the charger downloads
 * firmware from {@code /firmware} and uploads diagnostics to {@code /diagnostics}. The in-memory
 * file system is what tests and steps read back. Binds an ephemeral port.
 *
 * <p>{@code bindHost} is the interface it listens on; {@code advertisedHost} is the name the
 * charger must use to reach it, which is what goes into the URLs handed out (a charger on the
 * bench cannot reach "0.0.0.0" or "localhost").
 */
public final class EmbeddedFtpServer implements AutoCloseable {

    /** The account the charger logs in with; it travels in the ftp:// URLs as OCPP expects. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public static final Credentials DEFAULT_CREDENTIALS = new Credentials("chargecheck", "chargecheck");

    static final String FIRMWARE_DIR = "/firmware";
    static final String DIAGNOSTICS_DIR = "/diagnostics";

    private final BoundFakeFtpServer server;
    private final UnixFakeFileSystem fileSystem;
    private final String advertisedHost;
    private final Credentials credentials;

    private EmbeddedFtpServer(BoundFakeFtpServer server, UnixFakeFileSystem fileSystem, String advertisedHost,
                              Credentials credentials) {
        this.server = server;
        this.fileSystem = fileSystem;
        this.advertisedHost = advertisedHost;
        this.credentials = credentials;
    }

    public static EmbeddedFtpServer start(String bindHost, String advertisedHost) {
        return start(bindHost, advertisedHost, DEFAULT_CREDENTIALS);
    }

    public static EmbeddedFtpServer start(String bindHost, String advertisedHost, Credentials credentials) {
        UnixFakeFileSystem fileSystem = new UnixFakeFileSystem();
        fileSystem.add(new DirectoryEntry("/")); // the user's home must exist, or every login fails
        fileSystem.add(new DirectoryEntry(FIRMWARE_DIR));
        fileSystem.add(new DirectoryEntry(DIAGNOSTICS_DIR));

        BoundFakeFtpServer server = new BoundFakeFtpServer(bindHost);
        server.setFileSystem(fileSystem);
        server.addUserAccount(new UserAccount(credentials.user(), credentials.password(), "/"));
        server.setServerControlPort(0);
        server.start(); // returns once the control socket is bound
        if (!server.isStarted()) {
            throw new IllegalStateException("FTP server did not start on " + bindHost);
        }
        return new EmbeddedFtpServer(server, fileSystem, advertisedHost, credentials);
    }

    public int port() {
        return server.getServerControlPort();
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Puts a file where a charger can download it; returns its ftp:// URL with the credentials in it. */
    public URI serve(String fileName, byte[] content) {
        String path = FIRMWARE_DIR + "/" + requireFileName(fileName);
        FileEntry entry = new FileEntry(path);
        entry.setContents(content.clone());
        if (fileSystem.exists(path)) {
            fileSystem.delete(path);
        }
        fileSystem.add(entry);
        return url(path);
    }

    /** The directory URL to give GetDiagnostics as its location (ends with a slash). */
    public URI uploadLocation() {
        return url(DIAGNOSTICS_DIR + "/");
    }

    /** The content of a file uploaded to the diagnostics directory, if there is one of that name. */
    public Optional<byte[]> uploaded(String fileName) {
        FileSystemEntry entry = fileSystem.getEntry(DIAGNOSTICS_DIR + "/" + requireFileName(fileName));
        if (!(entry instanceof FileEntry file)) {
            return Optional.empty();
        }
        try (InputStream in = file.createInputStream()) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> uploadedFileNames() {
        @SuppressWarnings("unchecked")
        List<String> names = fileSystem.listNames(DIAGNOSTICS_DIR);
        return names.stream().sorted().toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    private URI url(String path) {
        return URI.create("ftp://" + encode(credentials.user()) + ":" + encode(credentials.password()) + "@"
                + hostForUri(advertisedHost) + ":" + port() + path);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String encode(String userInfoPart) {
        return java.net.URLEncoder.encode(userInfoPart, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String requireFileName(String fileName) {
        if (fileName == null || fileName.isBlank() || fileName.contains("/")) {
            throw new IllegalArgumentException("a plain file name is needed, got '" + fileName + "'");
        }
        return fileName;
    }

    /** FakeFtpServer listens on all interfaces; this one listens on the host it was given. */
    private static final class BoundFakeFtpServer extends FakeFtpServer {
        BoundFakeFtpServer(String bindHost) {
            InetAddress address = resolve(bindHost);
            // log under MockFtpServer's own name, so simplelogger.properties keeps it at WARN (it logs PASS)
            LOG = org.slf4j.LoggerFactory.getLogger(FakeFtpServer.class);
            serverSocketFactory = port -> new ServerSocket(port, 50, address);
        }

        private static InetAddress resolve(String host) {
            try {
                return InetAddress.getByName(host);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind the FTP server to '" + host + "'", e);
            }
        }
    }
}
