package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that crossed the wire, in order. Steps take a {@link #mark()} before they act and
 * then look only at what came {@link #since(long)} that mark, so evidence from an earlier step can
 * never satisfy a later one.
 */
public final class Journal {

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final List<JournalEntry> entries = new ArrayList<>();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private final TraceWriter trace;
    private final Clock clock;

    Journal(TraceWriter trace, Clock clock) {
        this.trace = trace;
        this.clock = clock;
    }

    /** The position after the newest entry; entries after it have a higher {@code seq}. */
    public synchronized long mark() {
        return entries.size();
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<JournalEntry> since(long mark) {
        return List.copyOf(entries.subList((int) Math.min(mark, entries.size()), entries.size()));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Called for every new entry, on the thread that recorded it: keep it short. */
    public void addListener(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }

    JournalEntry recordFrame(String chargePointId, Direction direction, Frame frame, Action action, Object message,
                             String raw, String problem) {
        return record(chargePointId, direction, Kind.FRAME, JournalEntry.typeOf(frame),
                frame == null ? null : frame.messageId(), action, message, raw, problem);
    }

    JournalEntry recordEvent(String chargePointId, Kind kind, String description) {
        return record(chargePointId, Direction.IN, kind, null, null, null, null, description, null);
    }

    private JournalEntry record(String chargePointId, Direction direction, Kind kind, String messageType,
                                String messageId, Action action, Object message, String raw, String problem) {
        JournalEntry entry;
        synchronized (this) {
            entry = new JournalEntry(entries.size() + 1L, clock.instant(), chargePointId, direction, kind, messageType,
                    messageId, action, message, raw, problem);
            entries.add(entry);
            if (trace != null) {
                trace.write(entry);
            }
        }
        for (Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("journal listener failed on entry {}: {}", entry.seq(), e.toString());
            }
        }
        return entry;
    }
}
