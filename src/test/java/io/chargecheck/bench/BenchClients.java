package io.chargecheck.bench;

import java.util.List;
import java.util.function.BooleanSupplier;

/** The benchmark's charge points on the wire: one implementation per way of driving their sockets. */
interface BenchClients {

    /** Connects every station (each boots as soon as it is open); false if not all were open by the deadline. */
    boolean connect(long deadlineNanos) throws Exception;

    /** Lets the stations run until {@code done} holds or the deadline ({@link System#nanoTime()}) passes. */
    boolean runUntil(BooleanSupplier done, long deadlineNanos) throws Exception;

    /** Closes every connection (normal closure) and waits for the closes, at most until the deadline. */
    void closeAll(long deadlineNanos) throws Exception;

    /** The ids of the threads that do the clients' work, to tell their CPU time from the central system's. */
    List<Long> threadIds();

    /** How the clients are driven, for the report. */
    String describe();
}
