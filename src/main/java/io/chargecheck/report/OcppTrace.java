package io.chargecheck.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chargecheck.report.TraceEntry.ConnectionChange;
import io.chargecheck.report.TraceEntry.Direction;
import io.chargecheck.report.TraceEntry.Frame;
import io.chargecheck.report.TraceEntry.MessageType;
import io.chargecheck.report.TraceEntry.Refusal;
import java.util.Collection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP trace the central system wrote during the run ({@code ocpp-trace.jsonl}). A trace that is
 * missing or partly unreadable still gives a report: what could not be read is said in
 * {@link #readingNotes()} instead.
 */
record OcppTrace(List<TraceEntry> entries, List<String> readingNotes) {

    static final String FILE_NAME = "ocpp-trace.jsonl";

    private static final Logger LOG = LoggerFactory.getLogger(OcppTrace.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    OcppTrace {
        entries = List.copyOf(entries);
        readingNotes = List.copyOf(readingNotes);
    }

    static OcppTrace read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            LOG.warn("No OCPP trace at {}: the report has no sequence charts and no charger identity", file);
            return new OcppTrace(List.of(), List.of("No OCPP trace was found (" + file.getFileName()
                    + "): the charger's identity and the message charts are missing."));
        } catch (IOException e) {
            LOG.warn("Could not read the OCPP trace {}: {}", file, e.toString());
            return new OcppTrace(List.of(), List.of("The OCPP trace could not be read: " + e.getMessage()));
        }
        return parse(lines);
    }

    static OcppTrace parse(List<String> lines) {
        List<TraceEntry> entries = new ArrayList<>();
        List<Integer> unreadable = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            Optional<TraceEntry> entry = entry(lines.get(i));
            entry.ifPresent(entries::add);
            if (entry.isEmpty()) {
                unreadable.add(i + 1);
            }
        }
        if (unreadable.isEmpty()) {
            return new OcppTrace(entries, List.of());
        }
        LOG.warn("Skipped {} unreadable line(s) of the OCPP trace: {}", unreadable.size(), unreadable);
        return new OcppTrace(entries, List.of(unreadable.size() + " line(s) of the OCPP trace could not be read"
                + " and are missing from the charts (line " + abbreviate(unreadable) + ")."));
    }

    private static String abbreviate(List<Integer> lineNumbers) {
        List<String> shown = lineNumbers.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (lineNumbers.size() > shown.size() ? ", ..." : "");
    }

    private static Optional<TraceEntry> entry(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            Instant time = Instant.parse(node.path("time").asText());
            long seq = node.path("seq").asLong(-1);
            String station = text(node, "station");
            return switch (node.path("kind").asText("frame")) {
                case "frame" -> Optional.of(new Frame(seq, time, station, direction(node), messageType(node),
                        text(node, "messageId"), text(node, "action"), text(node, "raw"), text(node, "problem")));
                case "connected" -> Optional.of(new ConnectionChange(seq, time, station, true));
                case "disconnected" -> Optional.of(new ConnectionChange(seq, time, station, false));
                case "refused" -> Optional.of(new Refusal(seq, time, station, text(node, "raw")));
                default -> Optional.empty();
            };
        } catch (JsonProcessingException | DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Direction direction(JsonNode node) {
        return Direction.valueOf(node.path("direction").asText().toUpperCase(Locale.ROOT));
    }

    private static MessageType messageType(JsonNode node) {
        return MessageType.valueOf(node.path("messageType").asText().toUpperCase(Locale.ROOT));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * The entries from {@code start} to {@code end}, both included. The trace has millisecond
     * times and Cucumber's are finer, so the window is widened to whole milliseconds.
     */
    List<TraceEntry> between(Instant start, Instant end) {
        Instant from = start.truncatedTo(ChronoUnit.MILLIS);
        Instant until = end.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        return entries.stream().filter(e -> !e.time().isBefore(from) && e.time().isBefore(until)).toList();
    }

    /** The BootNotifications of these stations (all when none are named), in the order they came. */
    List<Frame> bootNotifications(Collection<String> stations) {
        return entries.stream()
                .filter(e -> e instanceof Frame frame && frame.direction() == Direction.IN && frame.isCall("BootNotification")
                        && (stations.isEmpty() || stations.contains(frame.station())))
                .map(Frame.class::cast)
                .toList();
    }
}
