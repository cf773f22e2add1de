package io.chargecheck.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.MessageFormatter;

/**
 * The station's own log: what it did, in plain words, and every frame. Goes to SLF4J (progress at
 * INFO, frames at DEBUG) and into a bounded in-memory record that GetDiagnostics reads back for
 * the requested time window, as a real charger uploads its log file.
 */
final class EventLog {

    private static final int MAX_LINES = 20_000;

    record Line(Instant time, String level, String text) {
        String format() {
            return time + " " + level + " " + text;
        }
    }

    private final Logger log;
    private final String prefix;
    private final Clock clock;
    private final Deque<Line> lines = new ArrayDeque<>();
    private volatile ChargePointSimulator.FrameListener frames;

    EventLog(String chargePointId, Clock clock) {
        this.log = LoggerFactory.getLogger(ChargePointSimulator.class);
        this.prefix = "[" + chargePointId + "] ";
        this.clock = clock;
    }

    void info(String format, Object... args) {
        String text = MessageFormatter.arrayFormat(format, args).getMessage();
        log.info("{}{}", prefix, text);
        record("INFO", text);
    }

    void warn(String format, Object... args) {
        String text = MessageFormatter.arrayFormat(format, args).getMessage();
        log.warn("{}{}", prefix, text);
        record("WARN", text);
    }

    /** A bug of the simulator itself: the only place a stack trace is logged. */
    void error(String text, Throwable bug) {
        log.error(prefix + text, bug);
        record("ERROR", text + ": " + bug);
    }

    void frameOut(String text) {
        log.debug("{}-> {}", prefix, text);
        record("DEBUG", "-> " + text);
        ChargePointSimulator.FrameListener listener = frames;
        if (listener != null) {
            listener.sent(text);
        }
    }

    void frameIn(String text) {
        log.debug("{}<- {}", prefix, text);
        record("DEBUG", "<- " + text);
        ChargePointSimulator.FrameListener listener = frames;
        if (listener != null) {
            listener.received(text);
        }
    }

    void listenToFrames(ChargePointSimulator.FrameListener listener) {
        frames = listener;
    }

    /** The lines logged between {@code from} and {@code to}, both optional and inclusive. */
    synchronized List<Line> between(Instant from, Instant to) {
        return lines.stream()
                .filter(line -> from == null || !line.time().isBefore(from))
                .filter(line -> to == null || !line.time().isAfter(to))
                .toList();
    }

    private synchronized void record(String level, String text) {
        lines.addLast(new Line(clock.instant(), level, text));
        if (lines.size() > MAX_LINES) {
            lines.removeFirst();
        }
    }
}
