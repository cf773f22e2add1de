package io.chargecheck.filetransfer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * The charger's side of OCPP's file transfers: fetch a file from a URL, store one under a directory
 * URL, over ftp, ftps (explicit TLS, as FTPS is on port 21), http and https. Credentials come from
 * the URL's user info, as OCPP passes them (anonymous FTP when there are none; HTTP Basic for
 * http(s)). Blocking, with a timeout on every connect and read: call it off any event loop.
 * Failures are IOExceptions that name the URL, never its password.
 */
public final class FileTransferClient {

    /** How an upload goes over HTTP: both are what real chargers do. */
    public enum HttpUpload {
        /** POST multipart/form-data to the location, the file in a part named "file" (OpenEVSE). */
        MULTIPART_POST,
        /** PUT the raw file to the location followed by its name (curl -T, as EVerest does). */
        PUT
    }

    private final Duration timeout;
    private final SSLContext tls;
    private final HttpUpload httpUpload;
    private volatile HttpClient http;

    /** Over TLS trusts what the JVM trusts. */
    public FileTransferClient(Duration timeout) {
        this(timeout, null, HttpUpload.MULTIPART_POST);
    }

    /** {@code tls}: what https and ftps trust (the suite's session certificate); null for the JVM's default. */
    public FileTransferClient(Duration timeout, SSLContext tls) {
        this(timeout, tls, HttpUpload.MULTIPART_POST);
    }

    public FileTransferClient(Duration timeout, SSLContext tls, HttpUpload httpUpload) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.tls = tls;
        this.httpUpload = Objects.requireNonNull(httpUpload, "httpUpload");
    }

    public byte[] download(URI location) throws IOException {
        try {
            return switch (protocolOf(location)) {
                case FTP, FTPS -> ftpDownload(location);
                case HTTP, HTTPS -> httpDownload(location);
            };
        } catch (IOException e) {
            throw failure("download from", location, e);
        }
    }

    /** Stores {@code content} as {@code fileName} in the directory {@code location} names. */
    public void upload(URI location, String fileName, byte[] content) throws IOException {
        FileNames.requirePlain(fileName);
        try {
            switch (protocolOf(location)) {
                case FTP, FTPS -> ftpUpload(location, fileName, content);
                case HTTP, HTTPS -> httpUpload(location, fileName, content);
            }
        } catch (IOException e) {
            throw failure("upload of " + fileName + " to", location, e);
        }
    }

    /** A location as it may be shown: without the password. */
    static String redacted(URI location) {
        String userInfo = location.getRawUserInfo();
        if (userInfo == null || !userInfo.contains(":")) {
            return location.toString();
        }
        return location.toString().replace(userInfo + "@", userInfo.substring(0, userInfo.indexOf(':')) + ":***@");
    }

    // ------------------------------------------------------------------ FTP and FTPS

    private byte[] ftpDownload(URI location) throws IOException {
        FTPClient ftp = ftpOpen(location);
        try {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (!ftp.retrieveFile(path(location), content)) {
                throw new IOException("the server answered " + reply(ftp));
            }
            return content.toByteArray();
        } finally {
            ftpClose(ftp);
        }
    }

    private void ftpUpload(URI location, String fileName, byte[] content) throws IOException {
        FTPClient ftp = ftpOpen(location);
        try {
            String directory = path(location);
            String path = directory.endsWith("/") ? directory + fileName : directory + "/" + fileName;
            if (!ftp.storeFile(path, new ByteArrayInputStream(content))) {
                throw new IOException("the server answered " + reply(ftp));
            }
        } finally {
            ftpClose(ftp);
        }
    }

    private FTPClient ftpOpen(URI location) throws IOException {
        boolean secure = protocolOf(location) == Protocol.FTPS;
        FTPClient ftp = secure ? new FTPSClient(false, tlsContext()) : new FTPClient();
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        ftp.setConnectTimeout(millis);
        ftp.setDefaultTimeout(millis);
        ftp.setDataTimeout(timeout);
        if (ftp instanceof FTPSClient ftps) {
            ftps.setEndpointCheckingEnabled(true);
        }
        ftp.connect(location.getHost(), location.getPort() > 0 ? location.getPort() : FTP.DEFAULT_PORT);
        try {
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw new IOException("the server refused the connection: " + reply(ftp));
            }
            String[] user = userInfo(location, "anonymous", "chargecheck@");
            if (!ftp.login(user[0], user[1])) {
                throw new IOException("login as '" + user[0] + "' refused: " + reply(ftp));
            }
            if (ftp instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P"); // the data connection is encrypted too, not just the password
            }
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            return ftp;
        } catch (IOException e) {
            ftpClose(ftp);
            throw e;
        }
    }

    private static void ftpClose(FTPClient ftp) {
        try {
            if (ftp.isConnected()) {
                ftp.logout();
            }
        } catch (IOException ignored) {
            // the transfer's outcome is decided; a failed goodbye changes nothing
        }
        try {
            ftp.disconnect();
        } catch (IOException ignored) {
            // as above
        }
    }

    private static String reply(FTPClient ftp) {
        String text = ftp.getReplyString();
        return text == null ? "nothing" : text.strip();
    }

    // ------------------------------------------------------------------ HTTP and HTTPS

    private byte[] httpDownload(URI location) throws IOException {
        HttpResponse<byte[]> response = send(request(location).GET().build());
        if (response.statusCode() != 200) {
            throw new IOException("the server answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private void httpUpload(URI location, String fileName, byte[] content) throws IOException {
        HttpRequest request;
        if (httpUpload == HttpUpload.PUT) {
            String base = location.toString();
            URI target = URI.create((base.endsWith("/") ? base : base + "/") + FileNames.encode(fileName));
            request = request(target).PUT(HttpRequest.BodyPublishers.ofByteArray(content))
                    .header("Content-Type", "application/octet-stream").build();
        } else {
            String boundary = "chargecheck-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            request = request(location).POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, content)))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).build();
        }
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the server answered HTTP " + response.statusCode());
        }
    }

    private static byte[] multipart(String boundary, String fileName, byte[] content) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 256);
        String quoted = fileName.replace("\\", "\\\\").replace("\"", "\\\"");
        body.writeBytes(("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + quoted + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A request to the URL without its user info, which goes into a Basic Authorization header instead. */
    private HttpRequest.Builder request(URI location) throws IOException {
        HttpRequest.Builder builder;
        try {
            URI withoutUser = new URI(location.getScheme(), null, location.getHost(), location.getPort(),
                    location.getPath(), location.getQuery(), null);
            builder = HttpRequest.newBuilder(URI.create(withoutUser.toASCIIString())).timeout(timeout);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("not a usable URL: " + e.getMessage(), e);
        }
        if (location.getRawUserInfo() != null) {
            String[] user = userInfo(location, "", "");
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user[0] + ":" + user[1]).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Made on first use: a simulator that never speaks HTTP has no HttpClient threads. */
    private HttpClient httpClient() throws IOException {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                client = http;
                if (client == null) {
                    client = HttpClient.newBuilder().connectTimeout(timeout).sslContext(tlsContext())
                            .followRedirects(HttpClient.Redirect.NORMAL).build();
                    http = client;
                }
            }
        }
        return client;
    }

    // ------------------------------------------------------------------ common

    private SSLContext tlsContext() throws IOException {
        if (tls != null) {
            return tls;
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no TLS in this JVM: " + e.getMessage(), e);
        }
    }

    private static Protocol protocolOf(URI location) throws IOException {
        if (location.getHost() == null) {
            throw new IOException("the URL has no host");
        }
        return Protocol.named(location.getScheme())
                .orElseThrow(() -> new IOException("only ftp, ftps, http and https are supported, not '"
                        + location.getScheme() + "'"));
    }

    private static String path(URI location) {
        return location.getPath() == null || location.getPath().isEmpty() ? "/" : location.getPath();
    }

    private static String[] userInfo(URI location, String defaultUser, String defaultPassword) {
        String raw = location.getRawUserInfo();
        if (raw == null || raw.isEmpty()) {
            return new String[] {defaultUser, defaultPassword};
        }
        int colon = raw.indexOf(':');
        String user = colon < 0 ? raw : raw.substring(0, colon);
        String password = colon < 0 ? "" : raw.substring(colon + 1);
        return new String[] {FileNames.decode(user).orElse(user), FileNames.decode(password).orElse(password)};
    }

    private IOException failure(String what, URI location, IOException cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                why = "no answer within " + timeout.toMillis() + " ms (" + why + ")";
                break;
            }
        }
        return new IOException(what + " " + redacted(location) + " failed: " + why, cause);
    }
}
