package io.chargecheck.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes an OCPP trace the way the central system does: one JSON object per line. */
final class TraceLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> lines = new ArrayList<>();
    private long seq;
    private String station = "CP-1";

    /** The lines after this one are of that station. */
    TraceLines station(String chargePointId) {
        station = chargePointId;
        return this;
    }

    /** A frame from the charger; {@code raw} is the OCPP-J array. */
    TraceLines in(Instant time, String type, String action, String raw) {
        return frame(time, "in", type, action, raw, null);
    }

    /** A frame from the central system. */
    TraceLines out(Instant time, String type, String action, String raw) {
        return frame(time, "out", type, action, raw, null);
    }

    TraceLines frame(Instant time, String direction, String type, String action, String raw, String problem) {
        ObjectNode line = entry(time, "frame").put("direction", direction).put("messageType", type)
                .put("messageId", "m" + seq).put("raw", raw);
        if (action != null) {
            line.put("action", action);
        }
        if (problem != null) {
            line.put("problem", problem);
        }
        lines.add(line.toString());
        return this;
    }

    TraceLines connected(Instant time) {
        lines.add(entry(time, "connected").toString());
        return this;
    }

    TraceLines disconnected(Instant time) {
        lines.add(entry(time, "disconnected").toString());
        return this;
    }

    /** A connection the central system turned away, as its trace writer records it. */
    TraceLines refused(Instant time, String why) {
        lines.add(entry(time, "refused").put("direction", "in").put("raw", why).toString());
        return this;
    }

    TraceLines line(String anything) {
        lines.add(anything);
        return this;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private ObjectNode entry(Instant time, String kind) {
        return JSON.createObjectNode().put("seq", ++seq).put("time", time.toString()).put("station", station)
                .put("kind", kind);
    }
}
