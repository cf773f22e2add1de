package io.chargecheck.filetransfer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.chargecheck.filetransfer.Transfer.Direction;
import io.chargecheck.ocpp.Untrusted;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP or HTTPS side of the file server, on the JDK's own server. Per station:
 * <ul>
 * <li>{@code GET /<token>/firmware/<file>}: the file served to the station (HEAD too);</li>
 * <li>{@code POST /<token>/diagnostics/} with {@code multipart/form-data}: the file is the first part
 *     whose Content-Disposition has a filename (OpenEVSE does this);</li>
 * <li>{@code PUT} or {@code POST /<token>/diagnostics/<file>} with the raw file as body (curl -T, as
 *     EVerest does, appends the file name to a location ending in '/'); a raw body sent to the
 *     directory itself takes the name of a Content-Disposition header, else it is refused (400).</li>
 * </ul>
 * A body over the upload limit is refused with 413 before more than the limit is read; anything
 * else gets 404 or 405. Uploads are answered 200: some chargers count nothing else as success.
 */
final class HttpFileServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFileServer.class);
    private static final int CHUNK = 16 * 1024;

    private final HttpServer server;
    private final ExecutorService executor;
    private final Protocol protocol;
    private final FileServerConfig config;
    private final Stations stations;
    private final long storageCap;
    private final OnceLog once = new OnceLog(LOG);

    private HttpFileServer(HttpServer server, ExecutorService executor, Protocol protocol, FileServerConfig config,
                           Stations stations, long storageCap) {
        this.server = server;
        this.executor = executor;
        this.protocol = protocol;
        this.config = config;
        this.stations = stations;
        this.storageCap = storageCap;
    }

    static HttpFileServer start(Protocol protocol, FileServerConfig config, InetAddress bindAddress, Stations stations,
                                long storageCap) {
        int port = protocol == Protocol.HTTPS ? config.httpsPort() : config.httpPort();
        InetSocketAddress address = new InetSocketAddress(bindAddress, port);
        HttpServer server;
        try {
            if (protocol == Protocol.HTTPS) {
                HttpsServer https = HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new HttpsConfigurator(config.sslContext()));
                server = https;
            } else {
                server = HttpServer.create(address, 50);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for " + protocol + " on " + bindAddress.getHostAddress() + ":"
                    + port + (port == 0 ? "" : " (is the port in use?)") + ": " + e.getMessage(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "file-server-" + protocol.scheme() + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        HttpFileServer files = new HttpFileServer(server, executor, protocol, config, stations, storageCap);
        server.createContext("/", files::handle);
        server.start();
        return files;
    }

    int port() {
        return server.getAddress().getPort();
    }

    URI fileUrl(Station station, String fileName) {
        return url("/" + station.token() + "/" + FileNames.FIRMWARE + "/" + FileNames.encode(fileName));
    }

    URI uploadLocation(Station station) {
        return url("/" + station.token() + "/" + FileNames.DIAGNOSTICS + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private URI url(String rawPath) {
        return URI.create(protocol.scheme() + "://" + FileNames.hostForUri(config.advertisedHost()) + ":" + port() + rawPath);
    }

    /** What a request's path names: a station's area and the file in it ("" for the area itself). */
    private record Target(Station station, String area, String fileName) {
    }

    private void handle(HttpExchange exchange) {
        try {
            route(exchange);
        } catch (IOException e) {
            LOG.debug("{} request from {} ended: {}", protocol, remote(exchange), e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<Target> target = target(rawPath == null ? "" : rawPath);
        if (target.isEmpty()) {
            refuse(exchange, 404, "not found", method, rawPath);
            return;
        }
        Target t = target.get();
        if (t.area().equals(FileNames.FIRMWARE) && !t.fileName().isEmpty()) {
            switch (method) {
                case "GET" -> download(exchange, t, true);
                case "HEAD" -> download(exchange, t, false);
                default -> {
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                    refuse(exchange, 405, "firmware is fetched with GET", method, rawPath);
                }
            }
        } else if (t.area().equals(FileNames.DIAGNOSTICS)) {
            switch (method) {
                case "POST", "PUT" -> upload(exchange, t);
                default -> {
                    exchange.getResponseHeaders().set("Allow", "POST, PUT");
                    refuse(exchange, 405, "diagnostics are uploaded with POST or PUT", method, rawPath);
                }
            }
        } else {
            refuse(exchange, 404, "not found", method, rawPath);
        }
    }

    private void download(HttpExchange exchange, Target target, boolean body) throws IOException {
        Optional<byte[]> file = target.station().served(target.fileName());
        if (file.isEmpty()) {
            target.station().begin(Direction.DOWNLOAD, protocol, target.fileName(), -1, remote(exchange))
                    .refused("no such file");
            respond(exchange, 404, "no such file");
            return;
        }
        byte[] content = file.get();
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        if (!body) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(content.length));
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        Station.Live transfer = target.station().begin(Direction.DOWNLOAD, protocol, target.fileName(), content.length,
                remote(exchange));
        try {
            exchange.sendResponseHeaders(200, content.length == 0 ? -1 : content.length);
            OutputStream out = exchange.getResponseBody();
            for (int done = 0; done < content.length; done += CHUNK) {
                int n = Math.min(CHUNK, content.length - done);
                out.write(content, done, n);
                transfer.moved(n);
            }
            out.close();
            transfer.complete(content.length);
        } catch (IOException e) {
            transfer.incomplete("the connection broke: " + e.getMessage());
        }
    }

    private void upload(HttpExchange exchange, Target target) throws IOException {
        Station station = target.station();
        Station.Live transfer = station.begin(Direction.UPLOAD, protocol, target.fileName(), -1, remote(exchange));
        long declared = declaredLength(exchange);
        if (declared > config.uploadLimit()) {
            transfer.refused("declared " + declared + " bytes, over the upload limit of " + config.uploadLimit());
            respondAndClose(exchange, 413, "larger than the upload limit of " + config.uploadLimit() + " bytes");
            return;
        }
        if (!station.hasRoomFor(config.uploadLimit(), storageCap)) {
            transfer.refused("the station's uploads already hold the " + storageCap + " bytes kept per station");
            respondAndClose(exchange, 507, "no room left for this station's uploads");
            return;
        }
        byte[] body;
        try {
            body = readBody(exchange.getRequestBody(), transfer);
        } catch (OverLimit e) {
            transfer.refused("more than the upload limit of " + config.uploadLimit() + " bytes");
            respondAndClose(exchange, 413, "larger than the upload limit of " + config.uploadLimit() + " bytes");
            return;
        } catch (IOException e) {
            transfer.incomplete("the connection broke: " + e.getMessage());
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String fileName = target.fileName();
        byte[] content = body;
        if (Multipart.isMultipart(contentType)) {
            try {
                Multipart.FilePart part = Multipart.file(body, contentType);
                fileName = part.fileName();
                content = part.content();
            } catch (IllegalArgumentException e) {
                transfer.refused("not a file upload: " + e.getMessage());
                respond(exchange, 400, "not a file upload: " + e.getMessage());
                return;
            }
        } else if (fileName.isEmpty()) {
            fileName = Multipart.parameters(exchange.getRequestHeaders().getFirst("Content-Disposition"))
                    .getOrDefault("filename", "");
        }
        if (!FileNames.isPlain(fileName)) {
            String why = fileName.isEmpty()
                    ? "no file name: PUT or POST it to the location followed by the file name, or send multipart/form-data"
                    : "the file name " + Untrusted.shown(fileName) + " is not a plain file name";
            transfer.refused(why);
            respond(exchange, 400, why);
            return;
        }
        transfer.named(fileName);
        station.store(fileName, content);
        transfer.complete(content.length);
        respond(exchange, 200, "stored " + fileName + " (" + content.length + " bytes)");
    }

    /** The body, never more of it than the limit plus one chunk in memory. */
    private byte[] readBody(InputStream in, Station.Live transfer) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[CHUNK];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            transfer.moved(n);
            if (total > config.uploadLimit()) {
                throw new OverLimit();
            }
            body.write(buffer, 0, n);
        }
        return body.toByteArray();
    }

    private static final class OverLimit extends IOException {
    }

    private Optional<Target> target(String rawPath) {
        List<String> segments = new ArrayList<>(List.of(rawPath.split("/", -1)));
        if (segments.isEmpty() || !segments.get(0).isEmpty()) {
            return Optional.empty();
        }
        segments.remove(0);
        if (segments.size() == 3 && segments.get(2).isEmpty()) {
            segments.remove(2); // the area itself, with its trailing slash
        }
        if (segments.size() < 2 || segments.size() > 3) {
            return Optional.empty();
        }
        List<String> decoded = new ArrayList<>();
        for (String segment : segments) {
            Optional<String> plain = FileNames.decode(segment);
            if (plain.isEmpty()) {
                return Optional.empty();
            }
            decoded.add(plain.get());
        }
        return stations.byToken(decoded.get(0))
                .map(station -> new Target(station, decoded.get(1), decoded.size() == 3 ? decoded.get(2) : ""));
    }

    private void refuse(HttpExchange exchange, int status, String why, String method, String rawPath) throws IOException {
        once.info(status + " " + method, protocol + " " + Untrusted.shown(method, 16) + " " + Untrusted.shown(rawPath)
                + " from " + remote(exchange) + ": " + why + ", answered " + status);
        respond(exchange, status, why);
    }

    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return value == null ? -1 : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** For a refused body: the rest of it is not read, so the connection cannot be reused. */
    private static void respondAndClose(HttpExchange exchange, int status, String text) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        respond(exchange, status, text);
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String remote(HttpExchange exchange) {
        InetSocketAddress address = exchange.getRemoteAddress();
        return address == null || address.getAddress() == null ? "?" : address.getAddress().getHostAddress();
    }
}
