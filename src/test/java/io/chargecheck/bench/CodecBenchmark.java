package io.chargecheck.bench;

import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MessageCodec;
import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.TypedCall;
import io.chargecheck.ocpp.message.Core.HeartbeatResponse;
import io.chargecheck.ocpp.message.Core.MeterValuesResponse;
import io.chargecheck.ocpp.message.Request;
import io.chargecheck.ocpp.message.Response;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The wire layer's share of a round trip, on one thread, without sockets: what the central system
 * does with a station's CALL between the WebSocket library and the journal (read the frame, type
 * and check its payload, look for non-ASCII CiStrings, write the CALLRESULT). It prints CPU time
 * and bytes allocated per frame, measured by the thread itself (warm-up and measurement are counted
 * in its own CPU seconds), so other processes on the machine disturb it far less than the whole
 * benchmark. Run on demand:
 *
 * <pre>
 * mvn -q test-compile exec:java -Dexec.mainClass=io.chargecheck.bench.CodecBenchmark -Dexec.classpathScope=test [-Dexec.args="--seconds 5"]
 * </pre>
 */
public final class CodecBenchmark {

    /** The MeterValues of the shared load generator (../shared/tools/ocpp-load), as it writes them. */
    private static final String GENERATOR_METER_VALUES = "[2,\"17\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{"
            + "\"timestamp\":\"2026-12-01T22:44:30.123Z\",\"sampledValue\":["
            + "{\"value\":\"12345.6\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"},"
            + "{\"value\":\"230.1\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1\",\"unit\":\"V\"},"
            + "{\"value\":\"16.0\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\"},"
            + "{\"value\":\"3681.6\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"W\"}]}]}]";

    private CodecBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (args[i].equals("--seconds")) {
                seconds = Double.parseDouble(args[i + 1]);
            }
        }
        String[] bench = new BenchStation("BENCH-0001", new BenchRun(0)).sampleFrames();
        Map<String, String> frames = new LinkedHashMap<>();
        frames.put("generator MeterValues", GENERATOR_METER_VALUES);
        frames.put("benchmark MeterValues", bench[2]);
        frames.put("Heartbeat", bench[3]);
        frames.put("BootNotification", bench[0]);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        long sink = 0;
        // warm-up: the JIT compiles the path for every kind of frame first, or the first one measured pays for it
        long warm = threads.getCurrentThreadCpuTime() + (long) (2 * seconds * 1e9);
        while (threads.getCurrentThreadCpuTime() < warm) {
            for (String text : frames.values()) {
                sink += answer(text, true).length() + answer(text, false).length();
            }
        }
        // both ways in one run, so that the machine's load at the time weighs on both alike
        for (boolean onePass : new boolean[] {false, true}) {
            System.out.println(onePass ? "one pass (TypedCall), as StationSession reads a usual CALL:"
                    : "the thorough way (tree, validator, binding, CiString walk), as before:");
            sink += measure(frames, onePass, seconds, threads, self);
        }
        if (sink == 42) {
            System.out.println(); // keeps the work from being optimised away
        }
    }

    private static long measure(Map<String, String> frames, boolean onePass, double seconds,
                                com.sun.management.ThreadMXBean threads, long self) throws Exception {
        long sink = 0;
        for (Map.Entry<String, String> frame : frames.entrySet()) {
            String text = frame.getValue();
            long deadline;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long bytes0 = threads.getThreadAllocatedBytes(self);
            int n = 0;
            deadline = cpu0 + (long) (seconds * 1e9);
            while (threads.getCurrentThreadCpuTime() < deadline) {
                for (int i = 0; i < 1000; i++) {
                    sink += answer(text, onePass).length();
                }
                n += 1000;
            }
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            long bytes = threads.getThreadAllocatedBytes(self) - bytes0;
            System.out.printf(Locale.ROOT, "  %-24s %5d bytes: %6.2f us CPU, %7.0f bytes allocated per frame (%d frames)%n",
                    frame.getKey(), text.length(), cpu / 1e3 / n, (double) bytes / n, n);
        }
        return sink;
    }

    /** What StationSession does with a valid CALL of a station, but the journal and the socket. */
    private static String answer(String text, boolean onePass) throws Exception {
        TypedCall typed = onePass ? TypedCall.read(text) : null;
        if (typed != null) {
            return FrameCodec.writeCallResult(typed.messageId(), response(typed.request()));
        }
        Frame.Call call = (Frame.Call) FrameCodec.parse(text);
        Action action = Action.fromWire(call.action()).orElseThrow();
        Request<?> request = MessageCodec.decodeRequest(action, call.payload());
        if (!PayloadValidator.nonPrintableCiStrings(call.payload(), action.requestType()).isEmpty()) {
            throw new IllegalStateException("a benchmark frame with a non-ASCII CiString");
        }
        return FrameCodec.writeCallResult(call.messageId(), response(request));
    }

    private static Response response(Request<?> request) {
        return request instanceof io.chargecheck.ocpp.message.Core.HeartbeatRequest
                ? new HeartbeatResponse(NOW) : new MeterValuesResponse();
    }

    private static final Instant NOW = Instant.parse("2026-12-01T22:44:30.123Z");
}
