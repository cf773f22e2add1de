package io.chargecheck.centralsystem;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargecheck.ocpp.OcppJson;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every journal entry to a file, one JSON object per line, in journal order.
 *
 * <p>The line is written by a thread of its own, not by the thread that received the frame: a
 * flush per frame was a system call on the path of every round trip. The writer takes whatever
 * has queued up since its last write and writes it with one flush, as soon as there is something,
 * so under load the lines of many frames go out in one system call, and at rest each frame goes out
 * within about a millisecond of its arrival. What that guarantees: a normal end or Ctrl-C
 * (SIGINT/SIGTERM: a shutdown hook drains the queue) loses nothing; a {@code kill -9} or a crash
 * of the JVM loses at most the lines still queued at that instant, the frames of the last
 * millisecond or so; everything written before is in the operating system's hands (there is no
 * fsync: a power cut can lose more).
 */
final class TraceWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TraceWriter.class);
    /** Text queued beyond this makes the recording threads wait: a disk that cannot keep up must not fill the heap. */
    private static final long MAX_QUEUED_CHARS = 32L * 1024 * 1024;

    /** The trace's names of the directions and kinds, lower case, made once. */
    private static final String[] DIRECTIONS = lowerCaseNames(JournalEntry.Direction.values());
    private static final String[] KINDS = lowerCaseNames(JournalEntry.Kind.values());

    private record Line(JournalEntry entry, String fullRaw) {
        long chars() {
            return (fullRaw == null ? entry.keptBytes() : fullRaw.length()) + 200L;
        }
    }

    private final Path file;
    private final OutputStream out;
    private final ArrayDeque<Line> queue = new ArrayDeque<>();
    private final Thread writer;
    private final Thread shutdownHook;
    private long queuedChars;
    private long writtenSeq;
    private long offset;
    private boolean closing;
    private IOException failure;

    TraceWriter(Path file) {
        this.file = file;
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // buffered: a batch of lines goes out in a few system calls, not one per line (flushed per batch)
            out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OCPP trace to " + file, e);
        }
        writer = new Thread(this::writeLoop, "ocpp-trace-writer");
        writer.setDaemon(true);
        writer.start();
        shutdownHook = new Thread(this::close, "ocpp-trace-drain");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Queues the entry's line; called under the journal's lock, so lines are in journal order.
     * {@code fullRaw} is the whole text of a frame the journal keeps cut, else null.
     */
    synchronized void write(JournalEntry entry, String fullRaw) {
        Line line = new Line(entry, fullRaw);
        while (queuedChars > MAX_QUEUED_CHARS && !closing && failure == null) {
            waitQuietly();
        }
        if (closing) {
            return;
        }
        queue.add(line);
        queuedChars += line.chars();
        if (queue.size() == 1) {
            notifyAll();
        }
    }

    private void writeLoop() {
        JsonLine lineBytes = new JsonLine();
        InstantText times = new InstantText();
        ArrayDeque<Line> batch = new ArrayDeque<>();
        while (true) {
            synchronized (this) {
                while (queue.isEmpty() && !closing) {
                    waitQuietly();
                }
                if (queue.isEmpty()) {
                    return;
                }
                batch.addAll(queue);
                queue.clear();
            }
            long chars = 0;
            long lastSeq = 0;
            try {
                for (Line line : batch) {
                    writeLine(line, lineBytes, times);
                    line.entry.traceOffset = offset;
                    lineBytes.writeTo(out);
                    offset += lineBytes.size();
                    chars += line.chars();
                    lastSeq = line.entry.seq();
                }
                out.flush();
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                LOG.error("cannot append to the OCPP trace {}: {}; the trace stops here", file, e.toString());
                return;
            } finally {
                batch.clear();
            }
            synchronized (this) {
                queuedChars -= chars;
                writtenSeq = lastSeq;
                notifyAll();
            }
        }
    }

    private static void writeLine(Line line, JsonLine json, InstantText times) {
        JournalEntry entry = line.entry;
        json.begin()
                .number("seq", entry.seq())
                .string("time", times.of(entry.time()))
                .string("station", entry.chargePointId())
                .string("direction", DIRECTIONS[entry.direction().ordinal()])
                .string("kind", KINDS[entry.kind().ordinal()])
                .string("messageType", entry.messageType())
                .string("messageId", entry.messageId())
                .string("action", entry.action() == null ? null : entry.action().name());
        TextStore.Slice slice = entry.rawSlice();
        if (line.fullRaw == null && slice != null) {
            json.utf8("raw", slice.chunk(), slice.offset(), slice.length()); // no String made for it
        } else {
            String raw = line.fullRaw == null ? entry.raw() : line.fullRaw;
            if (raw == null) {
                json.nullValue("raw");
            } else {
                json.string("raw", raw);
            }
        }
        json.string("problem", entry.problem()).end();
    }

    private static String[] lowerCaseNames(Enum<?>[] values) {
        String[] names = new String[values.length];
        for (Enum<?> value : values) {
            names[value.ordinal()] = value.name().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    /** Returns once every entry up to this seq is written to the file (or the trace has failed). */
    void awaitWritten(long seq) {
        synchronized (this) {
            while (writtenSeq < seq && failure == null && writer.isAlive()) {
                waitQuietly();
            }
        }
    }

    /** The whole text of a frame the journal keeps cut, read back from its line. */
    String readRaw(JournalEntry entry) {
        awaitWritten(entry.seq());
        long at = entry.traceOffset;
        if (at < 0) {
            throw new IllegalStateException("the trace line of entry " + entry.seq() + " was never written");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(entry.rawLength() + 512);
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            long position = at;
            while (true) {
                buffer.clear();
                int read = channel.read(buffer, position);
                if (read <= 0) {
                    break;
                }
                position += read;
                int end = indexOf(buffer.array(), read, (byte) '\n');
                line.write(buffer.array(), 0, end < 0 ? read : end);
                if (end >= 0) {
                    break;
                }
            }
            JsonNode node = OcppJson.mapper().readTree(line.toByteArray());
            return node.path("raw").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entry " + entry.seq() + " back from the trace " + file, e);
        }
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** Writes what is queued, then closes the file. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            notifyAll();
        }
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the OCPP trace {} failed: {}", file, e.toString());
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook runs anyway, and finds it closed
            }
        }
    }

    private void waitQuietly() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the OCPP trace", e);
        }
    }
}
