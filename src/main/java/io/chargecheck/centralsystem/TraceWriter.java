package io.chargecheck.centralsystem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargecheck.ocpp.OcppJson;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Appends every journal entry to a file, one JSON object per line, flushed line by line so a
 * crashed or killed run still leaves its complete trace for the report and for the manufacturer.
 */
final class TraceWriter implements AutoCloseable {

    private static final ObjectMapper JSON = OcppJson.mapper();

    private final BufferedWriter out;

    TraceWriter(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the OCPP trace to " + file, e);
        }
    }

    /** Called under the journal's lock, so lines are in journal order. */
    void write(JournalEntry entry) {
        ObjectNode line = JSON.createObjectNode()
                .put("seq", entry.seq())
                .put("time", entry.time().toString())
                .put("station", entry.chargePointId())
                .put("direction", entry.direction().name().toLowerCase(Locale.ROOT))
                .put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
        if (entry.messageType() != null) {
            line.put("messageType", entry.messageType());
        }
        if (entry.messageId() != null) {
            line.put("messageId", entry.messageId());
        }
        if (entry.action() != null) {
            line.put("action", entry.action().name());
        }
        line.put("raw", entry.raw());
        if (entry.problem() != null) {
            line.put("problem", entry.problem());
        }
        try {
            out.write(line.toString());
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the OCPP trace", e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
