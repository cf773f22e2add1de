package io.chargecheck.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import io.chargecheck.centralsystem.IdTagPolicy;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.centralsystem.JournalEntry.Direction;
import io.chargecheck.centralsystem.StationSession;
import io.chargecheck.ocpp.Frame;
import io.chargecheck.ocpp.OcppJson;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.simulator.ChargePointSimulator;
import io.chargecheck.simulator.SimulatorConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import org.awaitility.Awaitility;

/**
 * The soak test: one central system with its trace on, and a crowd of simulated charge points that
 * connect, boot and run transaction after transaction with meter values every second, for a
 * bounded time; then everything stops by itself and the numbers are printed. Loopback only. Not
 * part of {@code mvn test} or {@code mvn verify} (it is a main class, not a JUnit test); run it with
 * <pre>
 * mvn -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.chargecheck.bench.SoakTest -Dexec.args="--stations 500 --seconds 60"
 * </pre>
 * Everything runs in this JVM. Each station counts the frames it writes and reads, and the trace
 * must match that count line for line.
 *
 * <p>Two kinds of station, {@code --station}:
 * <ul>
 * <li>{@code simulator} (the default): the project's {@link ChargePointSimulator}, driven through
 *     its control API as a person would (plug in, card, card, unplug). It costs four threads a
 *     station (its event loop and Java-WebSocket's reader, writer and ping timer). Measured here,
 *     500 of them for 60 s on two cores: 2,023 threads, the process at 32 to 48 % of the cores,
 *     heap after GC 460 MiB with the stations; it works, and its p99 round trip (46 to 256 ms)
 *     follows how busy the machine is.
 * <li>{@code wire}: {@link WireStation}, built on the wire layer and the JDK's WebSocket client,
 *     500 of them on a few shared threads (26 in all, 18 to 20 % of the cores). It says less about
 *     real stations and disturbs the central system less: the way to measure the central system
 *     on a busy machine.
 * </ul>
 */
public final class SoakTest {

    private static final ObjectMapper JSON = OcppJson.mapper();
    private static final String MEASURANDS = "Energy.Active.Import.Register,Voltage,Current.Import,Power.Active.Import";

    /** What the command line can change. */
    record Options(String station, int stations, int seconds, int connectors, int meterInterval,
                   int heartbeatInterval, int drivers, long seed, Path trace) {

        static final String USAGE = "options: --station simulator|wire (simulator) --stations N (500) --seconds N (60)"
                + " --connectors N (1) --meter-interval S (1) --heartbeat-interval S (60) --drivers N (8) --seed N (1)"
                + " --trace FILE (target/soak/trace.jsonl)";

        static Options parse(String[] args) {
            String station = "simulator";
            int stations = 500;
            int seconds = 60;
            int connectors = 1;
            int meterInterval = 1;
            int heartbeatInterval = 60;
            int drivers = 8;
            long seed = 1;
            Path trace = Path.of("target", "soak", "trace.jsonl");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || i + 1 >= args.length) {
                    throw new IllegalArgumentException((name.equals("--help") ? "" : name + " needs a value; ") + USAGE);
                }
                String value = args[++i];
                switch (name) {
                    case "--station" -> {
                        if (!value.equals("simulator") && !value.equals("wire")) {
                            throw new IllegalArgumentException("--station is simulator or wire, not " + value);
                        }
                        station = value;
                    }
                    case "--stations" -> stations = positive(name, value);
                    case "--seconds" -> seconds = positive(name, value);
                    case "--connectors" -> connectors = positive(name, value);
                    case "--meter-interval" -> meterInterval = positive(name, value);
                    case "--heartbeat-interval" -> heartbeatInterval = positive(name, value);
                    case "--drivers" -> drivers = positive(name, value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--trace" -> trace = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name + "; " + USAGE);
                }
            }
            return new Options(station, stations, seconds, connectors, meterInterval, heartbeatInterval, drivers, seed,
                    trace);
        }

        private static int positive(String name, String value) {
            int number = Integer.parseInt(value);
            if (number < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + value);
            }
            return number;
        }
    }

    /** A charge point of the soak, whichever kind. */
    interface Station {
        String id();

        /** Connects and boots; returns once booted, or once it is clear it will not. */
        void switchOn();

        boolean booted();

        /** Runs transactions on every connector, by itself, until the deadline ({@link System#nanoTime()}). */
        void charge(long deadline);

        /** No transaction runs and none will start. */
        boolean idle();

        int failures();

        /** Closes the connection with a close handshake; returns once closed. */
        void switchOff();
    }

    public static void main(String[] args) throws Exception {
        // 500 chargers say a lot at info; the numbers at the end are what this is for.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            throw e;
        }
        Report report = new SoakTest(options, System.out).run();
        report.print(System.out);
        if (!report.passed()) {
            throw new IllegalStateException("soak test failed: " + report.verdict());
        }
    }

    private final Options options;
    private final PrintStream progress;
    private final Frames stationFrames = new Frames();
    private final Latencies roundTrips = new Latencies();
    private final Latencies upstream = new Latencies();
    private final Latencies centralSystemTimes = new Latencies();
    private final Latencies downstream = new Latencies();
    /** The stations' calls under way, by message id (the simulator's ids are UUIDs, unique across stations). */
    private final Map<String, CallTiming> calls = new ConcurrentHashMap<>();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder problems = new LongAdder();
    private final Map<String, LongAdder> callsByAction = new ConcurrentHashMap<>();

    private SoakTest(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    private Report run() throws Exception {
        Files.createDirectories(options.trace().toAbsolutePath().getParent());
        Report report = new Report(options);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.heapBefore = heapAfterGc();
        ExecutorService drivers = Executors.newFixedThreadPool(options.drivers(), daemon("soak-driver"));
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemon("soak-timer"));
        // the wire stations' callbacks: apart from the drivers, which block while stations switch on
        ExecutorService wire = Executors.newFixedThreadPool(2, daemon("soak-wire"));
        HttpClient http = HttpClient.newBuilder().executor(wire).build();
        List<Station> stations = new ArrayList<>();
        List<String> cards = new ArrayList<>();
        for (int i = 1; i <= options.stations(); i++) {
            for (int connector = 1; connector <= options.connectors(); connector++) {
                cards.add(card(stationId(i), connector));
            }
        }
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder()
                .traceFile(options.trace())
                // every station comes from this machine's one address
                .maxConnectionsPerAddress(Math.max(256, options.stations() + 16))
                .maxConnections(Math.max(1024, options.stations() + 16))
                .idTags(IdTagPolicy.accepting(cards.toArray(String[]::new)))
                .heartbeatInterval(options.heartbeatInterval())
                .callTimeout(Duration.ofSeconds(30))
                .build())) {
            cs.journal().addListener(this::observe);
            progress.printf("central system at %s, trace %s%n", cs.url(), options.trace());

            // connect and boot, many at a time
            long startedAt = System.nanoTime();
            Random random = new Random(options.seed());
            for (int i = 1; i <= options.stations(); i++) {
                stations.add(options.station().equals("wire")
                        ? new WireStation(stationId(i), URI.create(cs.url()), http, timer, stationFrames, options,
                                random.nextLong())
                        : new SimulatedStation(stationId(i), cs.url(), drivers, timer, random.nextLong()));
            }
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (Station station : stations) {
                starts.add(CompletableFuture.runAsync(station::switchOn, drivers));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(Math.max(120, options.stations() / 2), TimeUnit.SECONDS);
            report.connectSeconds = seconds(System.nanoTime() - startedAt);
            report.booted = (int) stations.stream().filter(Station::booted).count();
            report.connected = cs.sessions().size();
            progress.printf("%d of %d stations connected and booted in %.1f s; charging for %d s%n",
                    report.booted, options.stations(), report.connectSeconds, options.seconds());

            // transactions until the deadline; each station drives itself on the driver pool
            long loadFrom = System.nanoTime();
            long cpuFrom = os.getProcessCpuTime();
            // how busy the whole machine is: other processes on these cores disturb every figure
            DoubleAdder machineLoad = new DoubleAdder();
            LongAdder machineSamples = new LongAdder();
            ScheduledFuture<?> machine = timer.scheduleAtFixedRate(() -> {
                double load = os.getCpuLoad();
                if (load >= 0) {
                    machineLoad.add(load);
                    machineSamples.increment();
                }
            }, 1, 1, TimeUnit.SECONDS);
            long framesFrom = framesIn.sum() + framesOut.sum();
            long deadline = loadFrom + TimeUnit.SECONDS.toNanos(options.seconds());
            for (Station station : stations) {
                if (station.booted()) {
                    station.charge(deadline);
                }
            }
            Awaitility.await("the end of the load phase").atMost(Duration.ofSeconds(options.seconds() + 60L))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> System.nanoTime() >= deadline
                            && stations.stream().filter(Station::booted).allMatch(Station::idle));
            long loadNanos = System.nanoTime() - loadFrom;
            report.loadSeconds = seconds(loadNanos);
            report.framesPerSecond = (framesIn.sum() + framesOut.sum() - framesFrom) / report.loadSeconds;
            report.cpuShare = (os.getProcessCpuTime() - cpuFrom) / (double) loadNanos / os.getAvailableProcessors();
            machine.cancel(false);
            report.machineShare = machineSamples.sum() == 0 ? Double.NaN : machineLoad.sum() / machineSamples.sum();
            report.threads = ManagementFactory.getThreadMXBean().getThreadCount();
            report.connectedAtEnd = cs.sessions().size();
            report.heapWithStations = heapAfterGc();
            report.failures = stations.stream().mapToInt(Station::failures).sum();

            // quiet: no more heartbeats, so nothing is in flight when the stations switch off
            List<CompletableFuture<?>> quiet = new ArrayList<>();
            for (StationSession session : cs.sessions()) {
                quiet.add(session.call(new ChangeConfigurationRequest("HeartbeatInterval", "0")));
            }
            CompletableFuture.allOf(quiet.toArray(CompletableFuture[]::new)).exceptionally(e -> null)
                    .get(60, TimeUnit.SECONDS);
            AtomicLong lastSize = new AtomicLong(-1);
            Awaitility.await("a quiet journal").atMost(Duration.ofSeconds(30)).during(Duration.ofMillis(500))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> lastSize.getAndSet(cs.journal().size()) == cs.journal().size());

            List<CompletableFuture<Void>> closes = new ArrayList<>();
            for (Station station : stations) {
                closes.add(CompletableFuture.runAsync(station::switchOff, drivers));
            }
            CompletableFuture.allOf(closes.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            Awaitility.await("every station disconnected").atMost(Duration.ofSeconds(30))
                    .until(() -> cs.sessions().isEmpty());
            report.heapCentralSystemOnly = heapAfterGc();
            report.journalEntries = cs.journal().size();
        } finally {
            drivers.shutdownNow();
            timer.shutdownNow();
            wire.shutdownNow();
            stations.forEach(Station::switchOff);
        }
        report.framesIn = framesIn.sum();
        report.framesOut = framesOut.sum();
        report.problems = problems.sum();
        report.callsByAction = callsByAction;
        report.roundTrip = roundTrips.summary();
        report.upstream = upstream.summary();
        report.centralSystemTime = centralSystemTimes.summary();
        report.downstream = downstream.summary();
        report.stationSent = stationFrames.sent.sum();
        report.stationReceived = stationFrames.received.sum();
        report.traceFrameLines = countFrameLines(options.trace());
        return report;
    }

    /** Every journal entry, on the central system's thread: counts, and the central system's own time per call. */
    private void observe(JournalEntry entry) {
        if (!entry.isFrame()) {
            return;
        }
        if (entry.hasProblem()) {
            problems.increment();
        }
        Frame frame = entry.frame();
        if (entry.direction() == Direction.IN) {
            framesIn.increment();
            if (frame instanceof Frame.Call call) {
                callsByAction.computeIfAbsent(call.action(), a -> new LongAdder()).increment();
                CallTiming timing = calls.get(call.messageId());
                if (timing != null) {
                    timing.journalledIn = entry.time();
                    upstream.add(Duration.between(timing.sentWall, entry.time()).toNanos());
                }
            }
        } else {
            framesOut.increment();
            CallTiming timing = frame == null || frame instanceof Frame.Call ? null : calls.get(frame.messageId());
            if (timing != null && timing.journalledIn != null) {
                timing.journalledOut = entry.time();
                centralSystemTimes.add(Duration.between(timing.journalledIn, entry.time()).toNanos());
            }
        }
    }

    /** The project's charge point simulator, driven through its control API as a person at the charger would. */
    private final class SimulatedStation implements Station {
        final String id;
        final String url;
        final ExecutorService drivers;
        final ScheduledExecutorService timer;
        final Random random;
        final AtomicInteger busyConnectors = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile ChargePointSimulator simulator;

        SimulatedStation(String id, String url, ExecutorService drivers, ScheduledExecutorService timer, long seed) {
            this.id = id;
            this.url = url;
            this.drivers = drivers;
            this.timer = timer;
            this.random = new Random(seed);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public void switchOn() {
            ChargePointSimulator sim = new ChargePointSimulator(SimulatorConfig.builder()
                    .centralSystemUrl(url)
                    .chargePointId(id)
                    .connectors(options.connectors())
                    .configure("MeterValueSampleInterval", String.valueOf(options.meterInterval()))
                    .configure("MeterValuesSampledData", MEASURANDS)
                    .controlTimeout(Duration.ofSeconds(60))
                    .callTimeout(Duration.ofSeconds(60))
                    .build());
            sim.listenToFrames(stationFrames);
            simulator = sim;
            try {
                sim.start();
            } catch (RuntimeException e) {
                failed("switch on", e);
            }
        }

        @Override
        public boolean booted() {
            ChargePointSimulator sim = simulator;
            try {
                return sim != null && sim.registrationStatus().orElse(null) == RegistrationStatus.Accepted;
            } catch (RuntimeException e) {
                return false;
            }
        }

        /** Per connector: plug in, card, charge for 10 to 30 s, card, unplug, rest 1 to 5 s, again. */
        @Override
        public void charge(long deadline) {
            for (int connector = 1; connector <= options.connectors(); connector++) {
                int c = connector;
                busyConnectors.incrementAndGet();
                later(random.nextInt(3000), () -> startTransaction(c, deadline));
            }
        }

        private void startTransaction(int connector, long deadline) {
            if (System.nanoTime() >= deadline) {
                busyConnectors.decrementAndGet();
                return;
            }
            String tag = card(id, connector);
            try {
                simulator.plugIn(connector);
                simulator.presentCard(connector, tag);
            } catch (RuntimeException e) {
                failed("start a transaction at connector " + connector, e);
                busyConnectors.decrementAndGet();
                return;
            }
            long chargeMillis = 10_000 + random.nextInt(20_000);
            long untilDeadline = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            later(Math.min(chargeMillis, untilDeadline), () -> {
                try {
                    simulator.presentCard(connector, tag);
                    simulator.unplug(connector);
                } catch (RuntimeException e) {
                    failed("stop the transaction at connector " + connector, e);
                    busyConnectors.decrementAndGet();
                    return;
                }
                if (System.nanoTime() >= deadline) {
                    busyConnectors.decrementAndGet();
                    return;
                }
                later(1000 + random.nextInt(4000), () -> startTransaction(connector, deadline));
            });
        }

        /** The control API blocks until the central system has answered, so steps run on the driver pool, not the timer. */
        private void later(long millis, Runnable step) {
            timer.schedule(() -> drivers.execute(step), millis, TimeUnit.MILLISECONDS);
        }

        @Override
        public boolean idle() {
            return busyConnectors.get() == 0;
        }

        @Override
        public int failures() {
            return failures.get();
        }

        /** Closes the simulator and lets go of it, so the heap measured afterwards is the central system's. */
        @Override
        public void switchOff() {
            ChargePointSimulator sim = simulator;
            simulator = null;
            if (sim != null) {
                sim.close();
            }
        }

        private void failed(String what, RuntimeException e) {
            if (failures.incrementAndGet() == 1) {
                progress.printf("%s could not %s: %s%n", id, what, e.getMessage());
            }
        }
    }

    /** The stations' own count of the frames they wrote and read, and their round trip per call. */
    private final class Frames implements ChargePointSimulator.FrameListener {
        final LongAdder sent = new LongAdder();
        final LongAdder received = new LongAdder();

        @Override
        public void sent(String frame) {
            sent.increment();
            if (frame.startsWith("[2,")) {
                calls.put(messageId(frame), new CallTiming(System.nanoTime(), Instant.now()));
            }
        }

        @Override
        public void received(String frame) {
            received.increment();
            if (frame.startsWith("[3,") || frame.startsWith("[4,")) {
                CallTiming timing = calls.remove(messageId(frame));
                if (timing != null) {
                    roundTrips.add(System.nanoTime() - timing.sentNanos);
                    if (timing.journalledOut != null) {
                        downstream.add(Duration.between(timing.journalledOut, Instant.now()).toNanos());
                    }
                }
            }
        }

        /** The id of a frame as FrameCodec writes it: {@code [n,"id",...}; the simulator's ids are UUIDs, unique across stations. */
        private String messageId(String frame) {
            int open = frame.indexOf('"');
            return frame.substring(open + 1, frame.indexOf('"', open + 1));
        }
    }

    /**
     * When a station's call was written, and when the central system journalled it and its answer:
     * the journal's clock is the system clock, read here too, so the round trip splits into the
     * way in, the central system's own time, and the way back.
     */
    private static final class CallTiming {
        final long sentNanos;
        final Instant sentWall;
        volatile Instant journalledIn;
        volatile Instant journalledOut;

        CallTiming(long sentNanos, Instant sentWall) {
            this.sentNanos = sentNanos;
            this.sentWall = sentWall;
        }
    }

    /** Durations in nanoseconds, kept whole: a minute of 500 stations is some 100,000 of them. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized Optional<Summary> summary() {
            if (size == 0) {
                return Optional.empty();
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            return Optional.of(new Summary(size, at(sorted, 0.50), at(sorted, 0.99), sorted[size - 1]));
        }

        private static long at(long[] sorted, double quantile) {
            return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)];
        }
    }

    record Summary(int count, long p50, long p99, long max) {
        String format() {
            return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, max %.1f ms (%,d calls)",
                    p50 / 1e6, p99 / 1e6, max / 1e6, count);
        }
    }

    /** The numbers of one run, and whether it passed. */
    private static final class Report {
        final Options options;
        long heapBefore;
        long heapWithStations;
        long heapCentralSystemOnly;
        double connectSeconds;
        double loadSeconds;
        double framesPerSecond;
        double cpuShare;
        double machineShare;
        int threads;
        int booted;
        int connected;
        int connectedAtEnd;
        int failures;
        int journalEntries;
        long framesIn;
        long framesOut;
        long problems;
        Map<String, LongAdder> callsByAction = Map.of();
        Optional<Summary> roundTrip = Optional.empty();
        Optional<Summary> upstream = Optional.empty();
        Optional<Summary> centralSystemTime = Optional.empty();
        Optional<Summary> downstream = Optional.empty();
        long stationSent;
        long stationReceived;
        long traceFrameLines;

        Report(Options options) {
            this.options = options;
        }

        long calls(String action) {
            LongAdder count = callsByAction.get(action);
            return count == null ? 0 : count.sum();
        }

        long traceDifference() {
            return traceFrameLines - (stationSent + stationReceived);
        }

        boolean passed() {
            return verdict().isEmpty();
        }

        String verdict() {
            List<String> wrong = new ArrayList<>();
            if (booted < options.stations()) {
                wrong.add((options.stations() - booted) + " station(s) did not boot");
            }
            if (connectedAtEnd < booted) {
                wrong.add((booted - connectedAtEnd) + " station(s) lost their connection");
            }
            if (calls("StartTransaction") < booted || calls("MeterValues") == 0) {
                wrong.add("too few transactions: " + calls("StartTransaction") + " started, " + calls("MeterValues")
                        + " MeterValues, for " + booted + " stations");
            }
            if (calls("StopTransaction") != calls("StartTransaction")) {
                wrong.add(calls("StartTransaction") + " transactions started but " + calls("StopTransaction") + " stopped");
            }
            if (traceDifference() != 0) {
                wrong.add("the trace differs from the stations' count by " + traceDifference());
            }
            if (failures > 0) {
                wrong.add(failures + " control action(s) of the stations failed");
            }
            if (problems > 0) {
                wrong.add(problems + " frame(s) with a protocol problem");
            }
            return String.join("; ", wrong);
        }

        void print(PrintStream out) {
            out.println();
            out.printf(Locale.ROOT, "SOAK %d %s stations x %d connector(s), %d s, meter values every %d s, heartbeat %d s%n",
                    options.stations(), options.station(), options.connectors(), options.seconds(),
                    options.meterInterval(), options.heartbeatInterval());
            out.printf(Locale.ROOT, "stations connected    %d of %d (%d booted, in %.1f s), %d still connected at the end%n",
                    connected, options.stations(), booted, connectSeconds, connectedAtEnd);
            out.printf(Locale.ROOT, "transactions          %,d started, %,d stopped, %,d MeterValues%n",
                    calls("StartTransaction"), calls("StopTransaction"), calls("MeterValues"));
            out.printf(Locale.ROOT, "messages handled      %,d in + %,d out = %,d frames (journal %,d entries)%n",
                    framesIn, framesOut, framesIn + framesOut, journalEntries);
            out.printf(Locale.ROOT, "calls from stations   %s%n", callsByAction.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue().sum()).reduce((a, b) -> a + ", " + b).orElse("none"));
            out.printf(Locale.ROOT, "messages per second   %,.0f in and out, over the %.1f s load phase%n",
                    framesPerSecond, loadSeconds);
            out.printf(Locale.ROOT, "round trip (station)  %s%n",
                    roundTrip.map(Summary::format).orElse("no calls"));
            out.printf(Locale.ROOT, "  of which on the way in  %s%n", upstream.map(Summary::format).orElse("no calls"));
            out.printf(Locale.ROOT, "  central system time     %s%n",
                    centralSystemTime.map(Summary::format).orElse("no calls"));
            out.printf(Locale.ROOT, "  on the way back         %s%n", downstream.map(Summary::format).orElse("no calls"));
            out.println("  (round trip: from the station writing its CALL to it reading the answer. Way in: to the central"
                    + " system journalling the CALL,");
            out.println("  after reading, parsing and validating it. Central system time: to it journalling its"
                    + " CALLRESULT, just before writing it.");
            out.println("  Way back: to the station reading it. Quantiles of each part separately; they do not add up.)");
            out.printf(Locale.ROOT, "heap used after GC    %s before, %s with stations and central system,"
                    + " %s central system only (its journal keeps a memory budget of the run)%n",
                    mib(heapBefore), mib(heapWithStations), mib(heapCentralSystemOnly));
            out.printf(Locale.ROOT, "machine               %d processors, process CPU %.0f%% of them in the load phase,"
                    + " the whole machine %.0f%%, %d threads%n", Runtime.getRuntime().availableProcessors(), cpuShare * 100,
                    machineShare * 100, threads);
            out.printf(Locale.ROOT, "protocol problems     %d%n", problems);
            out.printf(Locale.ROOT, "trace check           %s: %,d frame lines in %s; the stations sent %,d and received %,d%n",
                    traceDifference() == 0 ? "OK" : "DIFFERENCE " + traceDifference(), traceFrameLines,
                    options.trace(), stationSent, stationReceived);
            out.println(passed() ? "PASSED" : "FAILED: " + verdict());
        }

        private static String mib(long bytes) {
            return String.format(Locale.ROOT, "%.0f MiB", bytes / 1024.0 / 1024.0);
        }
    }

    private static long countFrameLines(Path trace) throws IOException {
        long frames = 0;
        try (BufferedReader reader = Files.newBufferedReader(trace, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                JsonNode entry = JSON.readTree(line);
                if ("frame".equals(entry.path("kind").asText())) {
                    frames++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return frames;
    }

    private static String stationId(int number) {
        return String.format(Locale.ROOT, "SOAK-%04d", number);
    }

    /** The card that charges at a connector; the central system accepts exactly these. */
    static String card(String stationId, int connector) {
        return "T" + stationId + "-" + connector;
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
