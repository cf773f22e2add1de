package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything that crossed the wire, in order. Steps take a {@link #mark()} before they act and
 * then look only at what came {@link #since(long)} that mark, so evidence from an earlier step can
 * never satisfy a later one; {@link #of(String)} is the same for one station.
 *
 * <p>Memory is bounded. Every frame is in the trace file; in memory a frame of more than
 * {@link #KEPT_CHARS} characters is kept cut (see {@link JournalEntry#fullRaw()}), and when the
 * entries kept exceed the budget ({@link CentralSystemConfig#journalMemoryBytes}) the oldest leave
 * memory. What a certification needs from long ago survives that as facts of each station: its
 * first and last BootNotification and the last StatusNotification of each connector. A case of a
 * certification run spans a few hundred entries, far inside the budget; eviction is for long runs.
 */
public final class Journal {

    /** Frames up to this length stay whole in memory; 64 KiB of text holds any ordinary OCPP message. */
    public static final int KEPT_CHARS = 64 * 1024;
    /** What an entry costs besides its text: the entry, its strings' headers, its time. */
    private static final int ENTRY_OVERHEAD_BYTES = 200;

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final EntryLog entries = new EntryLog();
    private final TextStore texts = new TextStore();
    private final Map<String, StationJournal> stations = new ConcurrentHashMap<>();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private final TraceWriter trace;
    private final Clock clock;
    private final long budgetBytes;
    private long seq;
    private long bytesKept;
    private long evicted;

    Journal(TraceWriter trace, Clock clock, long budgetBytes) {
        this.trace = trace;
        this.clock = clock;
        this.budgetBytes = budgetBytes;
    }

    /** The {@code seq} of the newest entry; entries after it have a higher {@code seq}. */
    public synchronized long mark() {
        return seq;
    }

    /** The entries in memory, oldest first. */
    public synchronized List<JournalEntry> entries() {
        return entries.all();
    }

    /** The entries in memory with {@code seq} greater than the mark, in order. */
    public synchronized List<JournalEntry> since(long mark) {
        return entries.since(mark);
    }

    /** Entries in memory. */
    public synchronized int size() {
        return entries.size();
    }

    /** Entries that left memory for the budget (they are in the trace). */
    public synchronized long evicted() {
        return evicted;
    }

    /** One station's part of the journal; an id that never connected has an empty one. */
    public StationJournal of(String chargePointId) {
        return stations.computeIfAbsent(chargePointId, id -> new StationJournal(id, this));
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
        // cut only where the whole text can be read back
        boolean cut = trace != null && raw != null && raw.length() > KEPT_CHARS;
        String kept = cut ? raw.substring(0, KEPT_CHARS) + "… (" + raw.length()
                + " characters; the whole frame is in the trace)" : raw;
        JournalEntry entry;
        StationJournal station = chargePointId == null ? null : of(chargePointId);
        // facts outlive their place in memory: their text must not pin a chunk of the store
        boolean asString = kind != Kind.FRAME || kept == null || StationJournal.isFact(direction, messageType, message);
        synchronized (this) {
            entry = new JournalEntry(++seq, clock.instant(), chargePointId, direction, kind, messageType, messageId,
                    action, message != null, asString ? kept : null, asString ? null : texts.store(kept),
                    raw == null ? 0 : raw.length(), problem, cut ? trace : null);
            entry.station = station;
            entry.cost = cost(entry);
            entries.add(entry);
            bytesKept += entry.cost;
            if (station != null) {
                station.add(entry, message);
            }
            if (trace != null) {
                trace.write(entry, cut ? raw : null);
            }
            while (bytesKept > budgetBytes && entries.size() > 1) {
                evictOldest();
            }
        }
        notify(listeners, entry);
        if (station != null) {
            station.notifyListeners(entry);
        }
        return entry;
    }

    private void evictOldest() {
        JournalEntry oldest = entries.oldest();
        entries.removeOldest();
        bytesKept -= oldest.cost;
        evicted++;
        if (oldest.station != null) {
            oldest.station.evict(oldest);
        }
    }

    private static long cost(JournalEntry entry) {
        return ENTRY_OVERHEAD_BYTES + entry.keptBytes() + (entry.problem() == null ? 0 : entry.problem().length());
    }

    static void notify(List<Consumer<JournalEntry>> listeners, JournalEntry entry) {
        for (Consumer<JournalEntry> listener : listeners) {
            try {
                listener.accept(entry);
            } catch (RuntimeException e) {
                LOG.warn("journal listener failed on entry {}: {}", entry.seq(), e.toString());
            }
        }
    }
}
