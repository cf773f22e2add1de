package io.chargecheck.filetransfer;

import java.time.Instant;
import java.util.Objects;

/**
 * One transfer the file server saw for a station, as it was when asked: a download of a file it
 * served or an upload the station made, whether it moved every byte or not.
 *
 * @param direction     which way the file went
 * @param protocol      over what
 * @param fileName      the file's name (for an upload refused before its name was known, the name in the URL or "")
 * @param bytes         bytes moved so far over the FTP data connection or in the HTTP body (a multipart
 *                      body is larger than its file); the server's view, so for a download these are
 *                      bytes handed to the network, which a station that drops the connection at the
 *                      very end may not have read
 * @param fileSize      the size of the file: for a download the served file's, for an upload the stored
 *                      file's once complete; -1 when not known
 * @param started       when the transfer began (the RETR or STOR, the HTTP request)
 * @param ended         when it ended; null while it runs
 * @param status        how it ended, or {@link Status#RUNNING}
 * @param remoteAddress the station's address as the server saw it
 * @param detail        why it is not complete, in words; "" when complete or running
 */
public record Transfer(String chargePointId, Direction direction, Protocol protocol, String fileName, long bytes,
                       long fileSize, Instant started, Instant ended, Status status, String remoteAddress,
                       String detail) {

    public enum Direction { DOWNLOAD, UPLOAD }

    public enum Status {
        /** Still moving bytes. */
        RUNNING,
        /** Every byte moved and the server confirmed it (226, 200). */
        COMPLETE,
        /** Started but cut off: the connection broke or timed out midway. */
        INCOMPLETE,
        /** Refused by the server: no such file, not allowed, over the size limit. */
        REFUSED
    }

    public Transfer {
        Objects.requireNonNull(chargePointId, "chargePointId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }

    /** A download that moved the whole file: what case 12 asks of the firmware download. */
    public boolean deliveredWholeFile() {
        return direction == Direction.DOWNLOAD && complete() && fileSize >= 0 && bytes >= fileSize;
    }
}
