package io.chargecheck.filetransfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The suite's file server, started once per run: serves each station its firmware and receives its
 * diagnostics over FTP, HTTP or HTTPS ({@link FileServerConfig#mode()}), at locations only that
 * station is given, and says what each station fetched and uploaded ({@link #transfers}). Thread-safe;
 * everything it reports can be read while transfers run.
 */
public final class FileServer implements AutoCloseable {

    /** A station's uploads together may hold this many times the upload limit. */
    private static final int UPLOADS_KEPT_PER_STATION = 4;

    private final FileServerConfig config;
    private final Stations stations;
    private final FtpFileServer ftp;
    private final HttpFileServer http;
    private final HttpFileServer https;

    private FileServer(FileServerConfig config, Stations stations, FtpFileServer ftp, HttpFileServer http,
                       HttpFileServer https) {
        this.config = config;
        this.stations = stations;
        this.ftp = ftp;
        this.http = http;
        this.https = https;
    }

    public static FileServer start(FileServerConfig config) {
        Objects.requireNonNull(config, "config");
        InetAddress bindAddress = resolve(config.bindHost());
        Stations stations = new Stations(Clock.systemUTC());
        long storageCap = config.uploadLimit() > Long.MAX_VALUE / UPLOADS_KEPT_PER_STATION
                ? Long.MAX_VALUE : config.uploadLimit() * UPLOADS_KEPT_PER_STATION;
        Set<Protocol> served = config.served();
        List<AutoCloseable> started = new ArrayList<>();
        try {
            FtpFileServer ftp = served.contains(Protocol.FTP)
                    ? started(started, FtpFileServer.start(config, bindAddress, stations, storageCap)) : null;
            HttpFileServer http = served.contains(Protocol.HTTP)
                    ? started(started, HttpFileServer.start(Protocol.HTTP, config, bindAddress, stations, storageCap)) : null;
            HttpFileServer https = served.contains(Protocol.HTTPS)
                    ? started(started, HttpFileServer.start(Protocol.HTTPS, config, bindAddress, stations, storageCap)) : null;
            return new FileServer(config, stations, ftp, http, https);
        } catch (RuntimeException e) {
            Collections.reverse(started);
            for (AutoCloseable server : started) {
                try {
                    server.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The protocols this server runs. */
    public Set<Protocol> protocols() {
        Set<Protocol> running = EnumSet.noneOf(Protocol.class);
        if (ftp != null) {
            running.add(Protocol.FTP);
        }
        if (http != null) {
            running.add(Protocol.HTTP);
        }
        if (https != null) {
            running.add(Protocol.HTTPS);
        }
        return running;
    }

    /**
     * For {@link FileTransferMode#AUTO}: picks, of the protocols the station lists in its
     * SupportedFileTransferProtocols (e.g. {@code ["FTP", "HTTPS"]}), the one this server prefers
     * (FTP, then HTTP, then HTTPS) and uses it for that station from now on. Empty when the server
     * runs none of them (a station that only does FTPS); the station's protocol is then unchanged.
     */
    public Optional<Protocol> choose(String chargePointId, List<String> supportedFileTransferProtocols) {
        Set<Protocol> supported = EnumSet.noneOf(Protocol.class);
        for (String name : supportedFileTransferProtocols) {
            Protocol.named(name).ifPresent(supported::add);
        }
        Set<Protocol> running = protocols();
        for (Protocol preferred : FileTransferMode.AUTO_PREFERENCE) {
            if (supported.contains(preferred) && running.contains(preferred)) {
                useProtocol(chargePointId, preferred);
                return Optional.of(preferred);
            }
        }
        return Optional.empty();
    }

    /** Hands this station URLs of {@code protocol} from now on. */
    public void useProtocol(String chargePointId, Protocol protocol) {
        if (!protocols().contains(protocol)) {
            throw new IllegalArgumentException("the file server does not run " + protocol + "; it runs " + protocols());
        }
        stations.of(chargePointId).protocol(protocol);
    }

    /** The protocol of the URLs this station is given: its chosen one, else the mode's, else FTP (or what runs). */
    public Protocol protocolFor(String chargePointId) {
        return stations.known(chargePointId).flatMap(Station::protocol)
                .or(() -> config.mode().fixed())
                .orElseGet(() -> protocols().contains(Protocol.FTP) ? Protocol.FTP : protocols().iterator().next());
    }

    /**
     * Serves {@code content} as {@code fileName} to this station alone (a file of the same name is
     * replaced) and returns the URL to put into UpdateFirmware. The content is not copied.
     */
    public URI serve(String chargePointId, String fileName, byte[] content) {
        FileNames.requirePlain(fileName);
        Objects.requireNonNull(content, "content");
        Station station = stations.of(chargePointId);
        station.serve(fileName, content);
        URI ftpUrl = ftp == null ? null : ftp.serve(station, fileName, content);
        return switch (protocolFor(chargePointId)) {
            case FTP -> ftpUrl;
            case HTTP -> http.fileUrl(station, fileName);
            case HTTPS -> https.fileUrl(station, fileName);
            case FTPS -> throw new IllegalStateException("FTPS is not served");
        };
    }

    /**
     * The location to put into this station's GetDiagnostics: a directory URL ending in '/'. For FTP
     * it carries the credentials; for HTTP(S) the station POSTs (multipart) or PUTs to it.
     */
    public URI uploadLocation(String chargePointId) {
        Station station = stations.of(chargePointId);
        return switch (protocolFor(chargePointId)) {
            case FTP -> ftp.uploadLocation(station);
            case HTTP -> http.uploadLocation(station);
            case HTTPS -> https.uploadLocation(station);
            case FTPS -> throw new IllegalStateException("FTPS is not served");
        };
    }

    /** Every transfer this station made, oldest first, each as it is now (running ones included). */
    public List<Transfer> transfers(String chargePointId) {
        return stations.known(chargePointId).map(Station::transfers).orElse(List.of());
    }

    /** The content of a file this station uploaded, if it uploaded one of that name. */
    public Optional<byte[]> uploaded(String chargePointId, String fileName) {
        return stations.known(chargePointId).flatMap(station -> station.uploaded(fileName));
    }

    public List<String> uploadedFileNames(String chargePointId) {
        return stations.known(chargePointId).map(Station::uploadedFileNames).orElse(List.of());
    }

    /** The port a protocol listens on. */
    public int port(Protocol protocol) {
        return switch (protocol) {
            case FTP -> running(ftp, protocol).port();
            case HTTP -> running(http, protocol).port();
            case HTTPS -> running(https, protocol).port();
            case FTPS -> throw new IllegalArgumentException("FTPS is not served");
        };
    }

    /**
     * One line for the person who opens the firewall, e.g. "File server on 0.0.0.0: FTP control
     * port 2121, FTP passive ports 50000-50010". Ports that are random say so and name the setting.
     */
    public String firewallLine() {
        List<String> parts = new ArrayList<>();
        if (ftp != null) {
            parts.add("FTP control port " + ftp.port() + (config.ftpPort() == 0 ? " (random: set chargecheck.ftp.port)" : ""));
            parts.add(config.passivePorts() == null
                    ? "FTP passive ports: any (set chargecheck.ftp.passivePorts, e.g. 50000-50010)"
                    : "FTP passive ports " + config.passivePorts());
        }
        if (http != null) {
            parts.add("HTTP port " + http.port() + (config.httpPort() == 0 ? " (random)" : ""));
        }
        if (https != null) {
            parts.add("HTTPS port " + https.port() + (config.httpsPort() == 0 ? " (random)" : ""));
        }
        return "File server on " + config.bindHost() + " (stations reach it as " + config.advertisedHost() + "): "
                + String.join(", ", parts);
    }

    @Override
    public void close() {
        if (https != null) {
            https.close();
        }
        if (http != null) {
            http.close();
        }
        if (ftp != null) {
            ftp.close();
        }
    }

    private static <T extends AutoCloseable> T started(List<AutoCloseable> started, T server) {
        started.add(server);
        return server;
    }

    private static <T> T running(T server, Protocol protocol) {
        if (server == null) {
            throw new IllegalArgumentException("the file server does not run " + protocol);
        }
        return server;
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on '" + host + "': " + e.getMessage(), e);
        }
    }
}
