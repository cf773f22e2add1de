package io.chargecheck.filetransfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.mockftpserver.core.command.CommandHandler;
import org.mockftpserver.core.command.CommandNames;
import org.mockftpserver.core.session.Session;
import org.mockftpserver.fake.FakeFtpServer;
import org.mockftpserver.fake.UserAccount;
import org.mockftpserver.fake.filesystem.DirectoryEntry;
import org.mockftpserver.fake.filesystem.FileEntry;
import org.mockftpserver.fake.filesystem.Permissions;
import org.mockftpserver.fake.filesystem.UnixFakeFileSystem;

/**
 * The FTP side of the file server: MockFtpServer's FakeFtpServer with an in-memory file system laid
 * out per station ({@code /<token>/firmware/<file>} to download, {@code /<token>/diagnostics/} to
 * upload), the root not listable so no station finds another's token.
 */
final class FtpFileServer implements AutoCloseable {

    /** The root: passable, not listable. */
    private static final Permissions ROOT = new Permissions("--x--x--x");
    /** A station's firmware: readable, not writable, so a station cannot replace what it is served. */
    private static final Permissions READ_ONLY = new Permissions("r-xr-xr-x");

    private final Server server;
    private final UnixFakeFileSystem fileSystem;
    private final FileServerConfig config;

    private FtpFileServer(Server server, UnixFakeFileSystem fileSystem, FileServerConfig config) {
        this.server = server;
        this.fileSystem = fileSystem;
        this.config = config;
    }

    static FtpFileServer start(FileServerConfig config, InetAddress bindAddress, Stations stations, long storageCap) {
        UnixFakeFileSystem fileSystem = new UnixFakeFileSystem();
        DirectoryEntry root = new DirectoryEntry("/"); // the user's home must exist, or every login fails
        root.setPermissions(ROOT);
        fileSystem.add(root);

        ServerSocket control = bindControl(bindAddress, config.ftpPort());
        FtpConnections data = new FtpConnections(bindAddress, config.passivePorts(),
                (int) Math.min(Integer.MAX_VALUE, config.dataTimeout().toMillis()), config.uploadLimit());
        Server server = new Server(control, data);
        server.setFileSystem(fileSystem);
        server.addUserAccount(new UserAccount(config.credentials().user(), config.credentials().password(), "/"));

        FtpCommands commands = new FtpCommands(fileSystem, stations, config.uploadLimit(), storageCap);
        server.setCommandHandler(CommandNames.RETR, commands.retr(server.getCommandHandler(CommandNames.RETR)));
        server.setCommandHandler(CommandNames.STOR, commands.stor(server.getCommandHandler(CommandNames.STOR)));
        server.setCommandHandler(CommandNames.LIST, commands.listing(server.getCommandHandler(CommandNames.LIST)));
        server.setCommandHandler(CommandNames.NLST, commands.listing(server.getCommandHandler(CommandNames.NLST)));
        server.setCommandHandler(CommandNames.PASV, commands.passive(server.getCommandHandler(CommandNames.PASV)));
        server.setCommandHandler(CommandNames.EPSV, commands.passive(server.getCommandHandler(CommandNames.EPSV)));
        server.setCommandHandler(CommandNames.REST, commands.notOffered("no resume: send the whole file"));
        server.setCommandHandler(CommandNames.APPE, commands.notOffered("uploads use STOR"));
        server.setCommandHandler(CommandNames.STOU, commands.notOffered("uploads use STOR"));
        server.setCommandHandler("FEAT", commands.feat());
        server.setCommandHandler("OPTS", commands.opts());
        server.setCommandHandler(CommandNames.UNSUPPORTED, commands.unknown());
        server.freezeHandlers("FEAT", "OPTS");

        server.setServerControlPort(control.getLocalPort());
        server.start(); // returns once the control socket accepts
        if (!server.isStarted()) {
            throw new IllegalStateException("the FTP server did not start on " + bindAddress.getHostAddress() + ":"
                    + control.getLocalPort());
        }
        return new FtpFileServer(server, fileSystem, config);
    }

    int port() {
        return server.getServerControlPort();
    }

    /** The station's two directories, made on first use. */
    void prepare(Station station) {
        String base = "/" + station.token();
        synchronized (fileSystem) {
            if (!fileSystem.exists(base)) {
                fileSystem.add(new DirectoryEntry(base));
                DirectoryEntry firmware = new DirectoryEntry(base + "/" + FileNames.FIRMWARE);
                firmware.setPermissions(READ_ONLY);
                fileSystem.add(firmware);
                fileSystem.add(new DirectoryEntry(base + "/" + FileNames.DIAGNOSTICS));
            }
        }
    }

    URI serve(Station station, String fileName, byte[] content) {
        prepare(station);
        String path = "/" + station.token() + "/" + FileNames.FIRMWARE + "/" + fileName;
        FileEntry entry = new FileEntry(path);
        entry.setContents(content);
        synchronized (fileSystem) {
            if (fileSystem.exists(path)) {
                fileSystem.delete(path);
            }
            fileSystem.add(entry);
        }
        return url("/" + station.token() + "/" + FileNames.FIRMWARE + "/" + FileNames.encode(fileName));
    }

    URI uploadLocation(Station station) {
        prepare(station);
        return url("/" + station.token() + "/" + FileNames.DIAGNOSTICS + "/");
    }

    @Override
    public void close() {
        server.stop();
    }

    private URI url(String rawPath) {
        return URI.create("ftp://" + FileNames.encode(config.credentials().user()) + ":"
                + FileNames.encode(config.credentials().password()) + "@"
                + FileNames.hostForUri(config.advertisedHost()) + ":" + port() + rawPath);
    }

    /** Bound here, not inside MockFtpServer, so a port in use is one clear error instead of a logged stack trace. */
    private static ServerSocket bindControl(InetAddress address, int port) {
        try {
            ServerSocket socket = FtpConnections.controlSocket();
            socket.setReuseAddress(true);
            try {
                socket.bind(new InetSocketAddress(address, port), 50);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for FTP on " + address.getHostAddress() + ":" + port
                    + (port == 0 ? "" : " (is the port in use? set chargecheck.ftp.port to another)") + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * FakeFtpServer on a socket bound beforehand, whose sessions are {@link FtpConnections}'
     * sessions. MockFtpServer keeps its command handlers to itself, so the map given to each session
     * is read back through {@link #getCommandHandler} once every handler is set.
     */
    private static final class Server extends FakeFtpServer {
        private final FtpConnections data;
        private volatile Map<String, CommandHandler> handlers = Map.of();

        Server(ServerSocket control, FtpConnections data) {
            this.data = data;
            // log under MockFtpServer's own name, so simplelogger.properties keeps it at WARN (it logs PASS)
            LOG = org.slf4j.LoggerFactory.getLogger(FakeFtpServer.class);
            serverSocketFactory = port -> control;
        }

        void freezeHandlers(String... extraNames) {
            Map<String, CommandHandler> all = new HashMap<>();
            for (Field field : CommandNames.class.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    try {
                        put(all, (String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            for (String name : extraNames) {
                put(all, name);
            }
            handlers = Map.copyOf(all);
        }

        private void put(Map<String, CommandHandler> all, String name) {
            CommandHandler handler = getCommandHandler(name);
            if (handler != null) {
                all.put(name, handler);
            }
        }

        @Override
        protected Session createSession(Socket socket) {
            return data.session(socket, handlers);
        }
    }
}
