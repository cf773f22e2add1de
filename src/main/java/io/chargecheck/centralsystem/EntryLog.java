package io.chargecheck.centralsystem;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries in {@code seq} order, appended at the end and evicted from the front, with the entries
 * after a mark found by binary search. Not thread-safe: the journal's lock guards it.
 */
final class EntryLog {

    private final ArrayList<JournalEntry> entries = new ArrayList<>();
    private int head;

    void add(JournalEntry entry) {
        entries.add(entry);
    }

    int size() {
        return entries.size() - head;
    }

    JournalEntry oldest() {
        return size() == 0 ? null : entries.get(head);
    }

    /** Forgets the oldest entry; the list is compacted now and then, so eviction costs O(1) on average. */
    void removeOldest() {
        entries.set(head++, null);
        if (head > 4096 && head > entries.size() / 2) {
            entries.subList(0, head).clear();
            head = 0;
        }
    }

    /** The entries with seq greater than mark, in order, as a copy. */
    List<JournalEntry> since(long mark) {
        int low = head;
        int high = entries.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (entries.get(middle).seq() <= mark) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return List.copyOf(entries.subList(low, entries.size()));
    }

    List<JournalEntry> all() {
        return List.copyOf(entries.subList(head, entries.size()));
    }
}
