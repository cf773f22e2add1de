package io.chargecheck.filetransfer;

import io.chargecheck.filetransfer.Transfer.Direction;
import io.chargecheck.ocpp.Untrusted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the file server keeps for one station: its path token, the files served to it, the files it
 * uploaded and every transfer it made. Safe to read while the servers' threads write.
 */
final class Station {

    private static final Logger LOG = LoggerFactory.getLogger(FileServer.class);

    private final String chargePointId;
    private final String token;
    private final Clock clock;
    private final ConcurrentMap<String, byte[]> served = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, byte[]> uploads = new ConcurrentHashMap<>();
    private final AtomicLong storedBytes = new AtomicLong();
    private final List<Live> transfers = new CopyOnWriteArrayList<>();
    private volatile Protocol protocol;

    Station(String chargePointId, String token, Clock clock) {
        this.chargePointId = chargePointId;
        this.token = token;
        this.clock = clock;
    }

    /** The path segment that is this station's alone: unguessable, and safe in a path whatever the id holds. */
    String token() {
        return token;
    }

    Optional<Protocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    void protocol(Protocol chosen) {
        protocol = chosen;
    }

    void serve(String fileName, byte[] content) {
        served.put(fileName, content);
    }

    Optional<byte[]> served(String fileName) {
        return Optional.ofNullable(served.get(fileName));
    }

    /** Keeps an upload; one of the same name replaces it. */
    void store(String fileName, byte[] content) {
        byte[] previous = uploads.put(fileName, content);
        storedBytes.addAndGet(content.length - (previous == null ? 0 : previous.length));
    }

    /** Whether another upload of up to {@code bytes} fits in the {@code cap} kept per station, so no station can fill the heap. */
    boolean hasRoomFor(long bytes, long cap) {
        return storedBytes.get() + bytes <= cap;
    }

    Optional<byte[]> uploaded(String fileName) {
        return Optional.ofNullable(uploads.get(fileName)).map(byte[]::clone);
    }

    List<String> uploadedFileNames() {
        return uploads.keySet().stream().sorted().toList();
    }

    Live begin(Direction direction, Protocol over, String fileName, long fileSize, String remoteAddress) {
        Live transfer = new Live(direction, over, fileName, fileSize, remoteAddress, clock.instant());
        transfers.add(transfer);
        return transfer;
    }

    List<Transfer> transfers() {
        return transfers.stream().map(Live::snapshot).toList();
    }

    /**
     * A transfer while it runs: the servers' threads count bytes into it and end it once; readers
     * take {@link #snapshot()}s. Status is written last and read first, so a snapshot of an ended
     * transfer always carries its end.
     */
    final class Live {
        private final Direction direction;
        private final Protocol over;
        private volatile String fileName;
        private final String remoteAddress;
        private final Instant started;
        private final AtomicLong bytes = new AtomicLong();
        private volatile long fileSize;
        private volatile Instant ended;
        private volatile String detail = "";
        private volatile Transfer.Status status = Transfer.Status.RUNNING;

        private Live(Direction direction, Protocol over, String fileName, long fileSize, String remoteAddress,
                     Instant started) {
            this.direction = direction;
            this.over = over;
            this.fileName = fileName;
            this.fileSize = fileSize;
            this.remoteAddress = remoteAddress;
            this.started = started;
        }

        /** The name, once known: a multipart upload names its file only in the body. */
        void named(String name) {
            fileName = name;
        }

        void moved(long count) {
            bytes.addAndGet(count);
        }

        void complete(long size) {
            fileSize = size;
            end(Transfer.Status.COMPLETE, "");
        }

        void incomplete(String why) {
            end(Transfer.Status.INCOMPLETE, why);
        }

        void refused(String why) {
            end(Transfer.Status.REFUSED, why);
        }

        private synchronized void end(Transfer.Status outcome, String why) {
            if (status != Transfer.Status.RUNNING) {
                return;
            }
            ended = clock.instant();
            detail = why;
            status = outcome;
            LOG.info("{} {} {} over {}: {} of {} bytes in {} ms, {}{}", Untrusted.shown(chargePointId),
                    direction == Direction.DOWNLOAD ? "download of" : "upload of",
                    fileName.isEmpty() ? "(no file name)" : Untrusted.shown(fileName),
                    over, bytes.get(), fileSize < 0 ? "?" : fileSize, Duration.between(started, ended).toMillis(),
                    outcome.name().toLowerCase(java.util.Locale.ROOT), why.isEmpty() ? "" : ": " + why);
        }

        Transfer snapshot() {
            Transfer.Status now = status;
            return new Transfer(chargePointId, direction, over, fileName, bytes.get(), fileSize, started,
                    now == Transfer.Status.RUNNING ? null : ended, now, remoteAddress, now == Transfer.Status.RUNNING ? "" : detail);
        }
    }
}
