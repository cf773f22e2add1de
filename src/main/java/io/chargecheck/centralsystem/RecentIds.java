package io.chargecheck.centralsystem;

/**
 * The last so many CALL ids of one station, to tell a reused one. A map of them made an entry
 * object per call that lived for the next thousand calls of the station: under load that was one
 * of the central system's larger costs, in cache misses and in the garbage collector's copying.
 * Here the ids sit in a ring in the order they came and in an open-addressed table of positions
 * in that ring (linear probing, deletion by backward shift), both made once.
 */
final class RecentIds {

    private final String[] ring;
    /** Each id's home slot, kept so that forgetting an old id never reads its string again (a cache miss under load). */
    private final int[] homes;
    /** Index into {@link #ring} plus one; 0 is an empty slot. */
    private final int[] slots;
    private final int mask;
    private int next;
    private int size;

    RecentIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        ring = new String[capacity];
        homes = new int[capacity];
        slots = new int[Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1]; // a power of two, at least half empty
        mask = slots.length - 1;
    }

    /** Whether the id is among the last ones; if not, it is now, and the oldest may be forgotten. */
    synchronized boolean seenElseAdd(String id) {
        int home = home(id);
        int slot = home;
        while (slots[slot] != 0) {
            int index = slots[slot] - 1;
            if (homes[index] == home && ring[index].equals(id)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        if (size == ring.length) {
            forgetOldest();
            size--;
            slot = home; // forgetting may have moved the slots after it
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
        }
        ring[next] = id;
        homes[next] = home;
        slots[slot] = next + 1;
        next = next + 1 == ring.length ? 0 : next + 1;
        size++;
        return false;
    }

    /** Takes the oldest id, the one at {@link #next}, out of the table. */
    private void forgetOldest() {
        int slot = homes[next];
        while (slots[slot] != next + 1) {
            slot = (slot + 1) & mask;
        }
        // backward shift: move up every later entry of the run that may not stay behind the hole
        int hole = slot;
        int at = slot;
        while (true) {
            at = (at + 1) & mask;
            if (slots[at] == 0) {
                break;
            }
            int wanted = homes[slots[at] - 1];
            boolean staysPut = hole <= at ? hole < wanted && wanted <= at : hole < wanted || wanted <= at;
            if (!staysPut) {
                slots[hole] = slots[at];
                hole = at;
            }
        }
        slots[hole] = 0;
    }

    private int home(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) * 0x9E3779B1 >>> 7 & mask;
    }
}
