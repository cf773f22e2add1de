package io.chargecheck.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * One simulated charge point of the benchmark, in a closed loop as OCPP-J requires: it sends a
 * call, waits for its CALLRESULT (or CALLERROR), then sends the next. It boots, starts a
 * transaction (so its MeterValues carry a real transactionId), then sends MeterValues and Heartbeat
 * for as long as the run lasts.
 *
 * <p>Transport-agnostic and not thread-safe: exactly one thread drives a station at any moment
 * (the closed loop guarantees it; a hand-off to a pacing timer goes through an executor, which
 * orders the two threads' accesses).
 */
final class BenchStation {

    /** How a station's frames reach the central system; one per connection. */
    interface Wire {
        void send(String frame);

        /** Calls {@link #sendDue} at {@code dueNanos} ({@link System#nanoTime()} time) on the driving thread. */
        void sendAt(BenchStation station, long dueNanos);
    }

    /** Calls per cycle in the steady state: this many MeterValues, then one Heartbeat. */
    static final int METER_VALUES_PER_HEARTBEAT = 3;

    private enum Step { BOOT, START, METER_VALUES, HEARTBEAT }

    final String chargePointId;
    private final BenchRun run;
    private Wire wire;

    private long counter;
    private String pendingId;
    private Step pendingStep;
    private long sentAt;
    /** When the call in flight was meant to go: its slot in the pacing schedule, else when it was sent. */
    private long intendedAt;
    private int transactionId = -1;
    private long energyWh = 1_000_000;
    private long nextDue;

    // results, read by the main thread once the driving threads are done
    long callsSent;
    long answers;
    long callErrors;
    long strayAnswers;
    volatile boolean open;
    boolean disconnected;
    String firstProblem;
    private long[] latencies = new long[4096];
    private long[] fromSchedule = new long[4096];
    private int measured;

    BenchStation(String chargePointId, BenchRun run) {
        this.chargePointId = chargePointId;
        this.run = run;
    }

    void attach(Wire value) {
        wire = value;
    }

    void onOpen(long now) {
        open = true;
        nextDue = now;
        send(Step.BOOT);
    }

    /** A text frame from the central system arrived at {@code now}. */
    void onText(String text, long now) {
        answers++;
        char type = text.length() > 4 ? text.charAt(1) : '?';
        String id = messageIdOf(text);
        if ((type != '3' && type != '4') || pendingId == null || !pendingId.equals(id)) {
            strayAnswers++;
            problem("unexpected frame (waiting for '" + pendingId + "'): " + abbreviate(text));
            return;
        }
        if (now >= run.measureFrom && now < run.measureTo) {
            record(now - sentAt, now - intendedAt);
        }
        Step answered = pendingStep;
        pendingId = null;
        pendingStep = null;
        if (type == '4') {
            callErrors++;
            problem("CALLERROR: " + abbreviate(text));
        } else if (answered == Step.START) {
            transactionId = transactionIdOf(text);
        }
        if (run.stopping) {
            return;
        }
        if (run.intervalNanos > 0) {
            // A fixed schedule, kept when answers come late: the calls a slow answer held back then
            // go at once, as a charger's queued meter values would, and their wait counts.
            nextDue += run.intervalNanos;
            if (nextDue > now) {
                wire.sendAt(this, nextDue);
                return;
            }
        }
        sendNext();
    }

    /** The pacing timer fired. */
    void sendDue() {
        if (!run.stopping && pendingId == null) {
            sendNext();
        }
    }

    void onClosed(String why) {
        if (open && !run.closing) {
            disconnected = true;
            problem("disconnected during the run: " + why);
        }
        open = false;
    }

    void onError(Exception e) {
        problem("error: " + e);
    }

    boolean idle() {
        return pendingId == null;
    }

    /** The id of the call in flight, or null. */
    String pendingId() {
        return pendingId;
    }

    int measuredCount() {
        return measured;
    }

    long[] measuredLatencies() {
        return Arrays.copyOf(latencies, measured);
    }

    /** Like {@link #measuredLatencies()}, but from when each call was due by the pacing schedule. */
    long[] measuredFromSchedule() {
        return Arrays.copyOf(fromSchedule, measured);
    }

    private void sendNext() {
        if (transactionId < 0) {
            send(Step.START);
        } else {
            // counter counts BOOT and START too, so the cycle position is taken from calls after them
            send((counter - 2) % (METER_VALUES_PER_HEARTBEAT + 1) == METER_VALUES_PER_HEARTBEAT
                    ? Step.HEARTBEAT : Step.METER_VALUES);
        }
    }

    private void send(Step step) {
        intendedAt = run.intervalNanos > 0 ? nextDue : -1;
        counter++;
        String id = chargePointId + "-" + counter;
        String frame = frame(step, id);
        pendingId = id;
        pendingStep = step;
        callsSent++;
        sentAt = System.nanoTime();
        if (intendedAt < 0) {
            intendedAt = sentAt;
        }
        wire.send(frame);
    }

    private String frame(Step step, String id) {
        // Written by hand, not through the codec, so the client spends little of the CPU it shares
        // with the central system; the benchmark checks each kind with the codec before a run.
        return switch (step) {
            case BOOT -> "[2,\"" + id + "\",\"BootNotification\",{\"chargePointVendor\":\"ChargeCheck\","
                    + "\"chargePointModel\":\"Bench AC22\",\"chargePointSerialNumber\":\"" + chargePointId
                    + "\",\"firmwareVersion\":\"1.0.0\"}]";
            case START -> "[2,\"" + id + "\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"BENCH-TAG\","
                    + "\"meterStart\":" + energyWh + ",\"timestamp\":\"" + now() + "\"}]";
            case HEARTBEAT -> "[2,\"" + id + "\",\"Heartbeat\",{}]";
            case METER_VALUES -> meterValues(id);
        };
    }

    private String meterValues(String id) {
        energyWh += 3;
        return "[2,\"" + id + "\",\"MeterValues\",{\"connectorId\":1,\"transactionId\":" + transactionId
                + ",\"meterValue\":[{\"timestamp\":\"" + now() + "\",\"sampledValue\":["
                + "{\"value\":\"" + energyWh + "\",\"context\":\"Sample.Periodic\","
                + "\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"Wh\"},"
                + "{\"value\":\"230.4\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\","
                + "\"phase\":\"L1-N\",\"location\":\"Outlet\",\"unit\":\"V\"},"
                + "{\"value\":\"15.93\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\","
                + "\"phase\":\"L1\",\"location\":\"Outlet\",\"unit\":\"A\"},"
                + "{\"value\":\"3670\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\","
                + "\"location\":\"Outlet\",\"unit\":\"W\"}]}]}]";
    }

    /** Every kind of call this station sends, for the self-check before a run. */
    String[] sampleFrames() {
        transactionId = 1;
        String[] frames = {frame(Step.BOOT, "s1"), frame(Step.START, "s2"), frame(Step.METER_VALUES, "s3"),
                frame(Step.HEARTBEAT, "s4")};
        transactionId = -1;
        return frames;
    }

    private void record(long nanos, long nanosFromSchedule) {
        if (measured == latencies.length) {
            latencies = Arrays.copyOf(latencies, measured * 2);
            fromSchedule = Arrays.copyOf(fromSchedule, measured * 2);
        }
        latencies[measured] = nanos;
        fromSchedule[measured++] = nanosFromSchedule;
    }

    private void problem(String what) {
        if (firstProblem == null) {
            firstProblem = chargePointId + ": " + what;
        }
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The id of {@code [3,"id",...]} or {@code [4,"id",...]}; the central system echoes our plain ids. */
    private static String messageIdOf(String text) {
        int start = text.indexOf('"');
        int end = start < 0 ? -1 : text.indexOf('"', start + 1);
        return end < 0 ? null : text.substring(start + 1, end);
    }

    private static int transactionIdOf(String text) {
        int at = text.indexOf("\"transactionId\":");
        if (at < 0) {
            return 0;
        }
        int from = at + "\"transactionId\":".length();
        int to = from;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        return to == from ? 0 : Integer.parseInt(text.substring(from, to));
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
