package io.chargecheck.bench;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.centralsystem.JournalEntry.Kind;
import io.chargecheck.ocpp.Action;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.FrameCodec;
import io.chargecheck.ocpp.MessageCodec;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Loads the embedded central system with many charge points and prints what it sustains. Run on
 * demand, never by {@code mvn test} or {@code mvn verify}; see the package documentation for the
 * command and the meaning of the figures.
 */
public final class CentralSystemBenchmark {

    /** What a run is asked to do; each option also reads the system property {@code bench.<name>}. */
    record Options(int clients, int seconds, int warmup, boolean trace, int rate, boolean threads, boolean keepTrace) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String name : List.of("clients", "seconds", "warmup", "trace", "rate", "client-io", "keep-trace")) {
                String property = System.getProperty("bench." + name);
                if (property != null) {
                    given.put(name, property);
                }
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    throw new IllegalArgumentException(USAGE);
                }
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'\n" + USAGE);
                }
                given.put(args[i].substring(2), args[++i]);
            }
            Options options = new Options(
                    positive(given, "clients", 200), positive(given, "seconds", 20), number(given, "warmup", 5),
                    onOff(given, "trace", true), number(given, "rate", 0),
                    choice(given.getOrDefault("client-io", "selector")), onOff(given, "keep-trace", false));
            given.keySet().removeAll(List.of("clients", "seconds", "warmup", "trace", "rate", "client-io", "keep-trace"));
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + USAGE);
            }
            return options;
        }

        private static int number(Map<String, String> given, String name, int fallback) {
            String value = given.get(name);
            try {
                int parsed = value == null ? fallback : Integer.parseInt(value.strip());
                if (parsed < 0) {
                    throw new NumberFormatException();
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a whole number >= 0, was '" + value + "'");
            }
        }

        private static int positive(Map<String, String> given, String name, int fallback) {
            int value = number(given, name, fallback);
            if (value == 0) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return value;
        }

        private static boolean onOff(Map<String, String> given, String name, boolean fallback) {
            String value = given.get(name);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("on") || value.equalsIgnoreCase("true")) {
                return true;
            }
            if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("false")) {
                return false;
            }
            throw new IllegalArgumentException("--" + name + " must be on or off, was '" + value + "'");
        }

        private static boolean choice(String clientIo) {
            if (clientIo.equals("selector") || clientIo.equals("threads")) {
                return clientIo.equals("threads");
            }
            throw new IllegalArgumentException("--client-io must be selector or threads, was '" + clientIo + "'");
        }
    }

    static final String USAGE = """
            usage: mvn -q test-compile exec:java@benchmark -Dexec.args="[options]"
              --clients N        charge points, each with its own WebSocket connection (200)
              --seconds S        measured period (20)
              --warmup W         period before it, not measured, for the JIT and the caches (5)
              --trace on|off     the central system's trace file, on as in a real run (on)
              --rate R           calls per second over all clients, paced; 0 = each client sends its
                                 next call as soon as the last one is answered (0)
              --client-io selector|threads
                                 all clients on one selector thread, or one WebSocketClient
                                 (a read and a write thread) per client (selector)
              --keep-trace on|off  keep the trace file instead of deleting it (off)
            Each option can also be given as a system property, e.g. -Dbench.clients=50.""";

    /** The target this benchmark was written against, on a two-core machine. */
    private static final double TARGET_ROUND_TRIPS_PER_SECOND = 5_000;
    private static final double TARGET_P99_MS = 5;

    private CentralSystemBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return;
        }
        // 200 "connected" lines are no help here; warnings still show
        System.setProperty("org.slf4j.simpleLogger.log.io.chargecheck", "warn");
        new CentralSystemBenchmark().run(options);
    }

    private void run(Options options) throws Exception {
        BenchRun run = new BenchRun(options.rate() == 0 ? 0
                : TimeUnit.SECONDS.toNanos(options.clients()) / options.rate());
        List<BenchStation> stations = new ArrayList<>();
        for (int i = 1; i <= options.clients(); i++) {
            stations.add(new BenchStation(String.format(Locale.ROOT, "BENCH-%04d", i), run));
        }
        checkFramesAreValid(new BenchStation("BENCH-CHECK", run));

        Path trace = options.trace() ? Files.createTempFile("chargecheck-bench-trace-", ".jsonl") : null;
        CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .host("127.0.0.1").port(0).traceFile(trace).build());
        boolean csClosed = false;
        JournalCounts counts = new JournalCounts();
        cs.journal().addListener(counts);
        try {
            BenchClients clients = options.threads()
                    ? new ThreadedClients(cs.url(), stations)
                    : new SelectorClients(cs.url(), stations);
            System.out.printf(Locale.ROOT, "central system at %s, trace %s; %d clients (%s); warm-up %d s, measured %d s%s%n",
                    cs.url(), trace == null ? "off" : "on", options.clients(), clients.describe(), options.warmup(),
                    options.seconds(), options.rate() == 0 ? ", unpaced" : ", paced at " + options.rate() + " calls/s");

            if (!clients.connect(System.nanoTime() + TimeUnit.SECONDS.toNanos(30))) {
                long open = stations.stream().filter(s -> s.open).count();
                System.out.println("only " + open + " of " + options.clients() + " clients connected within 30 s; "
                        + firstProblem(stations));
                clients.closeAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                return;
            }
            long start = System.nanoTime();
            run.measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmup());
            run.measureTo = run.measureFrom + TimeUnit.SECONDS.toNanos(options.seconds());

            clients.runUntil(() -> false, run.measureFrom);
            CpuSnapshot before = CpuSnapshot.take(clients.threadIds());
            clients.runUntil(() -> false, run.measureTo);
            CpuSnapshot after = CpuSnapshot.take(clients.threadIds());
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long heapAtEnd = memory.getHeapMemoryUsage().getUsed();

            run.stopping = true;
            boolean drained = clients.runUntil(() -> stations.stream().allMatch(BenchStation::idle),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            run.closing = true;
            long beforeClose = cs.journal().mark();
            clients.closeAll(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
            awaitDisconnects(cs, beforeClose, options.clients());

            System.gc();
            long heapRetained = memory.getHeapMemoryUsage().getUsed();
            List<JournalEntry> journal = cs.journal().entries();
            long recorded = cs.journal().mark();
            cs.close();
            csClosed = true;
            TraceCheck traceCheck = trace == null ? null : TraceCheck.of(trace, recorded);
            if (trace != null && !options.keepTrace()) {
                Files.delete(trace);
            }
            report(options, stations, journal, counts, recorded, traceCheck, trace, before, after, heapAtEnd, heapRetained,
                    memory.getHeapMemoryUsage().getMax(), drained);
        } finally {
            if (!csClosed) {
                cs.close();
            }
        }
    }

    /** The hand-written frames must be valid OCPP, or the run would measure the CALLERROR path. */
    private static void checkFramesAreValid(BenchStation station) throws Exception {
        for (String text : station.sampleFrames()) {
            Frame.Call call = (Frame.Call) FrameCodec.parse(text);
            MessageCodec.decodeRequest(Action.fromWire(call.action()).orElseThrow(), call.payload());
        }
    }

    /** The central system journals a disconnect after the client has seen its close: wait for all of them. */
    private static void awaitDisconnects(CentralSystem cs, long mark, int clients) {
        try {
            Awaitility.await("the central system to journal every disconnect").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> cs.journal().since(mark).stream().filter(e -> e.kind() == Kind.DISCONNECTED).count() >= clients);
        } catch (ConditionTimeoutException e) {
            // the trace check that follows reports what is missing
        }
    }

    private static void report(Options options, List<BenchStation> stations, List<JournalEntry> journal,
                               JournalCounts counts, long recorded, TraceCheck trace, Path traceFile, CpuSnapshot before, CpuSnapshot after,
                               long heapAtEnd, long heapRetained, long heapMax, boolean drained) {
        long[] latencies = stations.stream().map(BenchStation::measuredLatencies)
                .flatMapToLong(Arrays::stream).sorted().toArray();
        int n = latencies.length;
        double seconds = options.seconds();
        double perSecond = n / seconds;
        long sent = stations.stream().mapToLong(s -> s.callsSent).sum();
        long received = stations.stream().mapToLong(s -> s.answers).sum();
        long callErrors = stations.stream().mapToLong(s -> s.callErrors).sum();
        long stray = stations.stream().mapToLong(s -> s.strayAnswers).sum();
        long disconnects = stations.stream().filter(s -> s.disconnected).count();
        long framesIn = counts.framesIn.sum();
        long framesOut = counts.framesOut.sum();
        long connected = counts.connected.sum();
        long disconnected = counts.disconnected.sum();
        boolean journalMatches = framesIn == sent && framesOut == received;

        PrintLine out = new PrintLine();
        out.line("");
        out.line("clients           %d", options.clients());
        out.line("round trips       %d in %d s = %.0f per second (call sent to CALLRESULT received; mix %d MeterValues : 1 Heartbeat)",
                n, options.seconds(), perSecond, BenchStation.METER_VALUES_PER_HEARTBEAT);
        if (n > 0) {
            out.line("latency ms        p50 %.2f   p90 %.2f   p99 %.2f   max %.2f   (mean %.2f)",
                    ms(percentile(latencies, 0.50)), ms(percentile(latencies, 0.90)), ms(percentile(latencies, 0.99)),
                    ms(latencies[n - 1]), ms((long) Arrays.stream(latencies).average().orElse(0)));
        }
        if (options.rate() > 0 && n > 0) {
            long[] fromSchedule = stations.stream().map(BenchStation::measuredFromSchedule)
                    .flatMapToLong(Arrays::stream).sorted().toArray();
            out.line("  from schedule   p50 %.2f   p90 %.2f   p99 %.2f   max %.2f   (answer received minus when the call"
                            + " was due: includes waiting for a late answer to the call before)",
                    ms(percentile(fromSchedule, 0.50)), ms(percentile(fromSchedule, 0.90)),
                    ms(percentile(fromSchedule, 0.99)), ms(fromSchedule[n - 1]));
        }
        if (options.rate() == 0 && n > 0) {
            out.line("                  (unpaced closed loop: each client always has one call in flight, so mean latency"
                    + " = clients / throughput = %.2f ms; use --rate for latency at a given load)",
                    1000.0 * options.clients() / perSecond);
        }
        out.line("errors            %d CALLERROR, %d disconnects, %d unexpected frames, %s",
                callErrors, disconnects, stray, drained ? "no call left unanswered" : "CALLS LEFT UNANSWERED at the end");
        if (!drained) {
            // say whether the central system journaled an answer that never reached the client
            stations.stream().filter(s -> !s.idle()).limit(3).forEach(s -> out.line(
                    "                  %s still waits for %s; the journal %s", s.chargePointId, s.pendingId(),
                    journal.stream().anyMatch(e -> e.direction() == Direction.OUT && e.frame() != null
                            && s.pendingId().equals(e.frame().messageId()))
                            ? "has the answer: it was journaled and sent, and never arrived"
                            : "has no answer to it"));
        }
        String problem = firstProblem(stations);
        if (!problem.isEmpty()) {
            out.line("                  first: %s", problem);
        }
        double window = (after.wallNanos - before.wallNanos);
        out.line("cpu               %.2f of %d cores busy: central system %.2f, clients %.2f, rest (GC, JIT, ...) %.2f",
                (after.process - before.process) / window, Runtime.getRuntime().availableProcessors(),
                (after.server - before.server) / window, (after.clients - before.clients) / window,
                ((after.process - after.server - after.clients) - (before.process - before.server - before.clients)) / window);
        if (n > 0) {
            // CPU time per round trip hardly depends on how busy the machine is: compare runs by it
            out.line("cpu per round trip  %.0f us: central system %.0f, clients %.0f, rest %.0f",
                    (after.process - before.process) / 1e3 / n, (after.server - before.server) / 1e3 / n,
                    (after.clients - before.clients) / 1e3 / n,
                    ((after.process - after.server - after.clients) - (before.process - before.server - before.clients)) / 1e3 / n);
            out.line("                  central system: selector %.0f (socket reads and writes), workers %.0f (frames to answers)",
                    (after.selector - before.selector) / 1e3 / n, (after.workers - before.workers) / 1e3 / n);
            // allocation per round trip does not depend on the machine's load at all: the figure for the GC lever
            out.line("garbage           central system %.1f KB allocated per round trip, trace writer %.1f KB;"
                            + " %d collections, %d ms in GC pauses (%.1f us per round trip); trace writer CPU %.0f us (in rest)",
                    (after.serverAllocated - before.serverAllocated) / 1024.0 / n,
                    (after.traceWriterAllocated - before.traceWriterAllocated) / 1024.0 / n,
                    after.gcCount - before.gcCount, after.gcMillis - before.gcMillis,
                    (after.gcMillis - before.gcMillis) * 1e3 / n, (after.traceWriter - before.traceWriter) / 1e3 / n);
        }
        if (before.machineTotalTicks >= 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            double machineBusy = cores * (double) (after.machineBusyTicks - before.machineBusyTicks)
                    / (after.machineTotalTicks - before.machineTotalTicks);
            double others = Math.max(0, machineBusy - (after.process - before.process) / window);
            out.line("                  the whole machine: %.2f cores busy, so other processes took %.2f%s",
                    machineBusy, others, others > 0.2 ? " (the figures above are disturbed by them)" : "");
        }
        out.line("heap used         %d MB at the end of the measured period, %d MB retained after GC (the journal: %d entries"
                        + " in memory of %d), max %d MB",
                mb(heapAtEnd), mb(heapRetained), journal.size(), recorded, mb(heapMax));
        out.line("journal           %s: %d frames in = %d calls sent, %d frames out = %d answers received; %d connected, %d disconnected",
                journalMatches ? "matches" : "DOES NOT MATCH", framesIn, sent, framesOut, received, connected, disconnected);
        if (trace != null) {
            out.line("trace             %s: %d lines for %d journal entries, seq %s; %d MB%s",
                    trace.matches() ? "matches" : "DOES NOT MATCH", trace.lines, recorded,
                    trace.inOrder ? "1.." + trace.lines + " in order" : "OUT OF ORDER at line " + trace.firstBadLine,
                    mb(trace.bytes), options.keepTrace() ? " kept at " + traceFile : " (deleted)");
        } else {
            out.line("trace             off");
        }
        boolean met = perSecond >= TARGET_ROUND_TRIPS_PER_SECOND && n > 0
                && ms(percentile(latencies, 0.99)) < TARGET_P99_MS && callErrors == 0 && disconnects == 0;
        out.line("target            >= %.0f round trips/s with p99 < %.0f ms and no errors: %s",
                TARGET_ROUND_TRIPS_PER_SECOND, TARGET_P99_MS, met ? "met" : "NOT met");
    }

    private static String firstProblem(List<BenchStation> stations) {
        return stations.stream().map(s -> s.firstProblem).filter(p -> p != null).findFirst().orElse("");
    }

    /** Nearest-rank percentile of sorted values. */
    private static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static final class PrintLine {
        void line(String format, Object... args) {
            System.out.println(String.format(Locale.ROOT, format, args));
        }
    }

    /** CPU time so far: of the process, of the central system's threads and of the clients' threads. */
    private static final class CpuSnapshot {
        long wallNanos;
        long process;
        long server;
        long clients;
        /** CPU of the thread that writes the trace: part of "rest", shown apart so that its share is known. */
        long traceWriter;
        /** Bytes allocated by the central system's threads (the trace writer's apart): the garbage a round trip leaves. */
        long serverAllocated;
        long traceWriterAllocated;
        long gcCount;
        long gcMillis;
        /** The central system's CPU split: Java-WebSocket's selector (socket reads and writes) and its workers (the OCPP). */
        long selector;
        long workers;
        /** Busy time of the whole machine, every process, in clock ticks; -1 where /proc/stat is not there. */
        long machineBusyTicks = -1;
        long machineTotalTicks = -1;

        static CpuSnapshot take(List<Long> clientThreads) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            CpuSnapshot snapshot = new CpuSnapshot();
            snapshot.wallNanos = System.nanoTime();
            readMachineTicks(snapshot);
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                snapshot.process = os.getProcessCpuTime();
            }
            com.sun.management.ThreadMXBean allocations = threads instanceof com.sun.management.ThreadMXBean a ? a : null;
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                snapshot.gcCount += Math.max(0, gc.getCollectionCount());
                snapshot.gcMillis += Math.max(0, gc.getCollectionTime());
            }
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                long cpu = Math.max(0, threads.getThreadCpuTime(thread.getId()));
                long allocated = allocations == null ? 0 : Math.max(0, allocations.getThreadAllocatedBytes(thread.getId()));
                if (isCentralSystemThread(thread.getName())) {
                    snapshot.serverAllocated += allocated;
                    if (thread.getName().startsWith("WebSocketSelector")) {
                        snapshot.selector += cpu;
                    } else if (thread.getName().startsWith("WebSocketWorker")) {
                        snapshot.workers += cpu;
                    }
                } else if (thread.getName().equals("ocpp-trace-writer")) {
                    snapshot.traceWriter += cpu;
                    snapshot.traceWriterAllocated += allocated;
                }
                if (clientThreads.contains(thread.getId())) {
                    snapshot.clients += cpu;
                } else if (isCentralSystemThread(thread.getName())) {
                    snapshot.server += cpu;
                }
            }
            return snapshot;
        }

        /** Linux: the first line of /proc/stat is "cpu user nice system idle iowait irq softirq steal ...". */
        private static void readMachineTicks(CpuSnapshot snapshot) {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                snapshot.machineTotalTicks = total;
                snapshot.machineBusyTicks = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
            } catch (java.io.IOException | RuntimeException e) {
                // not Linux: the report says so
            }
        }

        /** Java-WebSocket's server threads and the central system's own. */
        private static boolean isCentralSystemThread(String name) {
            return name.startsWith("WebSocketSelector") || name.startsWith("WebSocketWorker")
                    || name.startsWith("central-system");
        }
    }

    /** Every entry counted as it is journalled: the journal keeps only a budget of them in memory. */
    static final class JournalCounts implements java.util.function.Consumer<JournalEntry> {
        final java.util.concurrent.atomic.LongAdder framesIn = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder framesOut = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder connected = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder disconnected = new java.util.concurrent.atomic.LongAdder();

        @Override
        public void accept(JournalEntry entry) {
            switch (entry.kind()) {
                case FRAME -> (entry.direction() == Direction.IN ? framesIn : framesOut).increment();
                case CONNECTED -> connected.increment();
                case DISCONNECTED -> disconnected.increment();
                default -> { }
            }
        }
    }

    /** The trace file read back: one line per journal entry, numbered 1..n in order. */
    private static final class TraceCheck {
        long lines;
        long bytes;
        long expected;
        boolean inOrder = true;
        long firstBadLine;

        static TraceCheck of(Path file, long expected) throws java.io.IOException {
            TraceCheck check = new TraceCheck();
            check.expected = expected;
            check.bytes = Files.size(file);
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    check.lines++;
                    // each line starts {"seq":N, ...}: reading the prefix is enough to check the order
                    String prefix = "{\"seq\":" + check.lines + ",";
                    if (check.inOrder && !line.startsWith(prefix)) {
                        check.inOrder = false;
                        check.firstBadLine = check.lines;
                    }
                }
            }
            return check;
        }

        boolean matches() {
            return lines == expected && inOrder;
        }
    }
}
