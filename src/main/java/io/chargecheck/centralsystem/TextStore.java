package io.chargecheck.centralsystem;

import java.nio.charset.StandardCharsets;

/**
 * Where the journal keeps the text of its frames: UTF-8 in chunks of a megabyte, each entry
 * pointing at its slice. A chunk is a single large array that the garbage collector allocates
 * outside the young generation and never copies, so a young collection copies the small entries
 * only, not every frame's text since the last one: that copying made the collector's pauses the
 * largest part of the latency under load. A chunk is freed when no entry points into it any more.
 * Not thread-safe: the journal's lock guards it.
 */
final class TextStore {

    static final int CHUNK_BYTES = 1 << 20;

    /** An entry's text: a slice of a chunk. */
    record Slice(byte[] chunk, int offset, int length) {
        String text() {
            return new String(chunk, offset, length, StandardCharsets.UTF_8);
        }
    }

    private byte[] chunk = new byte[CHUNK_BYTES];
    private int used;

    Slice store(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > CHUNK_BYTES / 4) {
            return new Slice(bytes, 0, bytes.length); // a frame near the journal's cut: an array of its own
        }
        if (used + bytes.length > chunk.length) {
            chunk = new byte[CHUNK_BYTES];
            used = 0;
        }
        System.arraycopy(bytes, 0, chunk, used, bytes.length);
        Slice slice = new Slice(chunk, used, bytes.length);
        used += bytes.length;
        return slice;
    }
}
