package io.chargecheck.centralsystem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded central system alone, as a process of its own, with its journal and trace on as in
 * a certification run: for measuring it from outside its JVM with a load generator, or pointing a
 * charger at it without running the suite. It prints its URL and its PID, and runs until it is
 * stopped (Ctrl-C, SIGTERM), which closes it and writes the rest of its trace.
 *
 * <pre>
 * mvn -q compile exec:exec@central-system                       # port 8887, trace target/central-system/ocpp-trace.jsonl
 * mvn -q compile exec:exec@central-system -Dcs.args="--port 0"
 * java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=5 -cp target/classes:DEPENDENCIES \
 *      io.chargecheck.centralsystem.CentralSystemMain --port 8887 --trace /tmp/trace.jsonl
 * </pre>
 */
public final class CentralSystemMain {

    static final String USAGE = """
            usage: CentralSystemMain [--host H] [--port P] [--trace FILE|off] [--max-connections N]
                                     [--max-per-address N] [--journal-mb M]
              --host             address to listen on (127.0.0.1)
              --port             port, 0 for any free one (8887)
              --trace            the trace file, one JSON line per frame (target/central-system/ocpp-trace.jsonl)
              --max-connections  connections at once, WebSocket or not yet (1024)
              --max-per-address  connections at once from one address (1024: load generators come from one)
              --journal-mb       heap for the journal's entries, MiB (64)""";

    private CentralSystemMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CentralSystemConfig.Builder config = CentralSystemConfig.builder().port(8887)
                .traceFile(Path.of("target", "central-system", "ocpp-trace.jsonl"))
                .maxConnectionsPerAddress(1024).callTimeout(Duration.ofSeconds(30));
        try {
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("--help") || name.equals("-h")) {
                    System.out.println(USAGE);
                    return;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--host" -> config.host(value);
                    case "--port" -> config.port(Integer.parseInt(value));
                    case "--trace" -> config.traceFile(value.equals("off") ? null : Path.of(value));
                    case "--max-connections" -> config.maxConnections(Integer.parseInt(value));
                    case "--max-per-address" -> config.maxConnectionsPerAddress(Integer.parseInt(value));
                    case "--journal-mb" -> config.journalMemoryBytes(Long.parseLong(value) * 1024 * 1024);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
        CentralSystemConfig built = config.build();
        CentralSystem cs = CentralSystem.start(built);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cs.close();
            stopped.countDown();
        }, "central-system-stop"));
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "central system listening at %s/{chargePointId}%npid %d%ntrace %s%n"
                        + "heap max %d MiB; stop with Ctrl-C%n", cs.url(), ProcessHandle.current().pid(),
                built.traceFile() == null ? "off" : built.traceFile().toAbsolutePath(), runtime.maxMemory() >> 20);
        System.out.flush();
        stopped.await();
    }
}
