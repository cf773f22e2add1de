package io.chargecheck.bench;

/**
 * What every station of one run shares: the measured window and the phase the run is in. Times
 * are {@link System#nanoTime()}. Written by the main thread, read by the threads that drive the
 * stations, hence volatile.
 */
final class BenchRun {

    /** Time between one station's calls when paced; 0 sends each call as soon as the last is answered. */
    final long intervalNanos;

    /** Round trips answered in [measureFrom, measureTo) are the measured ones; none until set. */
    volatile long measureFrom = Long.MAX_VALUE;
    volatile long measureTo = Long.MAX_VALUE;
    /** No new calls: the stations finish the one in flight and stay quiet. */
    volatile boolean stopping;
    /** Closing on purpose: a close now is no disconnect error. */
    volatile boolean closing;

    BenchRun(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }
}
