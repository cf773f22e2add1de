package io.chargecheck.centralsystem;

import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One station's entries of the {@link Journal}, in order, with the same marks (a mark is the
 * journal's global {@code seq}), so a wait for one station can never be satisfied by another's
 * message. Its facts (first and last boot, last status per connector) stay when its old entries
 * leave memory.
 */
public final class StationJournal {

    private final String chargePointId;
    private final Journal journal;
    private final EntryLog entries = new EntryLog();
    private final List<Consumer<JournalEntry>> listeners = new CopyOnWriteArrayList<>();
    private final Map<Integer, JournalEntry> lastStatus = new HashMap<>();
    private JournalEntry firstBoot;
    private JournalEntry lastBoot;

    StationJournal(String chargePointId, Journal journal) {
        this.chargePointId = chargePointId;
        this.journal = journal;
    }

    public String chargePointId() {
        return chargePointId;
    }

    /** This station's entries in memory with {@code seq} greater than the mark, in order. */
    public List<JournalEntry> since(long mark) {
        synchronized (journal) {
            return entries.since(mark);
        }
    }

    public List<JournalEntry> entries() {
        synchronized (journal) {
            return entries.all();
        }
    }

    /** The first BootNotification the station sent in this run, even when it has left memory. */
    public Optional<JournalEntry> firstBoot() {
        synchronized (journal) {
            return Optional.ofNullable(firstBoot);
        }
    }

    public Optional<JournalEntry> lastBoot() {
        synchronized (journal) {
            return Optional.ofNullable(lastBoot);
        }
    }

    /** The last StatusNotification for the connector (0 is the station itself). */
    public Optional<JournalEntry> lastStatus(int connectorId) {
        synchronized (journal) {
            return Optional.ofNullable(lastStatus.get(connectorId));
        }
    }

    /** Called for every new entry of this station, on the thread that recorded it: keep it short. */
    public void addListener(Consumer<JournalEntry> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<JournalEntry> listener) {
        listeners.remove(listener);
    }

    /** Whether an entry becomes one of a station's facts, which stay when it leaves memory. */
    static boolean isFact(Direction direction, String messageType, Object message) {
        return direction == Direction.IN && "CALL".equals(messageType)
                && (message instanceof BootNotificationRequest || message instanceof StatusNotificationRequest);
    }

    /** Under the journal's lock. */
    void add(JournalEntry entry, Object message) {
        entries.add(entry);
        if (isFact(entry.direction(), entry.messageType(), message)) {
            if (message instanceof BootNotificationRequest) {
                if (firstBoot == null) {
                    firstBoot = entry;
                }
                lastBoot = entry;
            } else if (message instanceof StatusNotificationRequest status && status.connectorId() != null) {
                lastStatus.put(status.connectorId(), entry);
            }
        }
    }

    /** Under the journal's lock: the journal's oldest entry, which is this station's oldest too. */
    void evict(JournalEntry oldest) {
        if (entries.oldest() == oldest) {
            entries.removeOldest();
        }
    }

    void notifyListeners(JournalEntry entry) {
        Journal.notify(listeners, entry);
    }
}
