package io.chargecheck.report;

import io.chargecheck.report.TraceEntry.ConnectionChange;
import io.chargecheck.report.TraceEntry.Direction;
import io.chargecheck.report.TraceEntry.Frame;
import io.chargecheck.report.TraceEntry.MessageType;
import io.chargecheck.report.TraceEntry.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** The messages of one case between the Central System and the Charge Point lanes, in trace order. */
record SequenceChart(List<ChartItem> items) {

    SequenceChart {
        items = List.copyOf(items);
    }

    /**
     * One line of the chart. Mustache cannot switch on a type, so each kind answers to its own
     * name ({@code {{#arrow}}}, {@code {{#marker}}}) and to the other's with nothing.
     */
    sealed interface ChartItem {
        String offset();

        default Arrow arrow() {
            return null;
        }

        default Marker marker() {
            return null;
        }
    }

    /** A frame; a charger's frame points left, to the Central System. */
    record Arrow(String offset, boolean toChargePoint, String action, String kind, String keyFields,
                 String problem, String raw) implements ChartItem {
        @Override
        public Arrow arrow() {
            return this;
        }

        public String sender() {
            return toChargePoint ? "CS → CP" : "CP → CS";
        }
    }

    /** Something that happened to the connection, drawn across both lanes. */
    record Marker(String offset, String text) implements ChartItem {
        @Override
        public Marker marker() {
            return this;
        }
    }

    static SequenceChart of(List<TraceEntry> entries, Instant origin) {
        return new SequenceChart(entries.stream().map(entry -> item(entry, offset(origin, entry.time()))).toList());
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    private static ChartItem item(TraceEntry entry, String offset) {
        if (entry instanceof Frame frame) {
            return new Arrow(offset, frame.direction() == Direction.OUT, label(frame), kind(frame),
                    KeyFields.of(frame), frame.brokeProtocol() ? frame.problem() : null, frame.raw());
        }
        if (entry instanceof Refusal refusal) {
            return new Marker(offset, "connection refused: " + refusal.reason());
        }
        ConnectionChange change = (ConnectionChange) entry;
        return new Marker(offset, (change.station() == null ? "Charge Point" : change.station())
                + (change.connected() ? " connected" : " disconnected"));
    }

    private static String label(Frame frame) {
        if (frame.action() != null && !frame.action().isBlank()) {
            return frame.action();
        }
        if (frame.messageType() == MessageType.MALFORMED) {
            return "(unreadable frame)";
        }
        return frame.messageId() == null ? "(unknown action)" : "(answer to " + frame.messageId() + ")";
    }

    private static String kind(Frame frame) {
        return switch (frame.messageType()) {
            case CALL -> "call";
            case CALLRESULT -> "result";
            case CALLERROR -> "error";
            case MALFORMED -> "malformed";
        };
    }

    /** "+1.234 s" from the case's start, to the millisecond the trace records. */
    static String offset(Instant origin, Instant time) {
        long millis = Duration.between(origin.truncatedTo(ChronoUnit.MILLIS), time).toMillis();
        long abs = Math.abs(millis);
        return String.format(Locale.ROOT, "%s%d.%03d s", millis < 0 ? "-" : "+", abs / 1000, abs % 1000);
    }
}
