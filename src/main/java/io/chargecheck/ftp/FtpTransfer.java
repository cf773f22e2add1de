package io.chargecheck.ftp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

/**
 * The charger's side of OCPP's FTP transfers, with commons-net: fetch a file from an ftp:// URL,
 * store one under an ftp:// directory URL. Credentials come from the URL's user info, as OCPP
 * passes them; anonymous when there are none. Passive mode, binary, blocking: call it off any
 * event loop.
 */
public final class FtpTransfer {

    private final Duration timeout;

    public FtpTransfer(Duration timeout) {
        this.timeout = timeout;
    }

    public byte[] download(URI location) throws IOException {
        FTPClient ftp = open(location);
        try {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (!ftp.retrieveFile(location.getPath(), content)) {
                throw new IOException("download of " + location.getPath() + " refused: " + ftp.getReplyString().trim());
            }
            return content.toByteArray();
        } finally {
            close(ftp);
        }
    }

    /** Stores {@code content} as {@code fileName} in the directory {@code location} names. */
    public void upload(URI location, String fileName, byte[] content) throws IOException {
        FTPClient ftp = open(location);
        try {
            String directory = location.getPath() == null || location.getPath().isEmpty() ? "/" : location.getPath();
            String path = directory.endsWith("/") ? directory + fileName : directory + "/" + fileName;
            if (!ftp.storeFile(path, new ByteArrayInputStream(content))) {
                throw new IOException("upload to " + path + " refused: " + ftp.getReplyString().trim());
            }
        } finally {
            close(ftp);
        }
    }

    private FTPClient open(URI location) throws IOException {
        if (!"ftp".equalsIgnoreCase(location.getScheme())) {
            throw new IOException("only ftp:// locations are supported, got " + location.getScheme() + "://");
        }
        FTPClient ftp = new FTPClient();
        ftp.setConnectTimeout((int) timeout.toMillis());
        ftp.setDefaultTimeout((int) timeout.toMillis());
        ftp.setDataTimeout(timeout);
        ftp.connect(location.getHost(), location.getPort() > 0 ? location.getPort() : FTP.DEFAULT_PORT);
        try {
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw new IOException("FTP server at " + location.getHost() + " refused the connection: "
                        + ftp.getReplyString().trim());
            }
            String[] user = userInfo(location);
            if (!ftp.login(user[0], user[1])) {
                throw new IOException("FTP login as '" + user[0] + "' refused: " + ftp.getReplyString().trim());
            }
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            return ftp;
        } catch (IOException e) {
            close(ftp);
            throw e;
        }
    }

    private static String[] userInfo(URI location) {
        String raw = location.getRawUserInfo();
        if (raw == null || raw.isEmpty()) {
            return new String[] {"anonymous", "chargecheck@"};
        }
        int colon = raw.indexOf(':');
        String user = colon < 0 ? raw : raw.substring(0, colon);
        String password = colon < 0 ? "" : raw.substring(colon + 1);
        return new String[] {decode(user), decode(password)};
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void close(FTPClient ftp) {
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
}
