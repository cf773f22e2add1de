package io.chargecheck.bench;

import io.chargecheck.centralsystem.CentralSystem;
import io.chargecheck.centralsystem.CentralSystemConfig;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * One charger that sends nothing but large DataTransfer frames, each as soon as the last is
 * answered, against a central system with its trace on: what the journal's memory budget is for.
 * Prints the heap retained after a full GC every {@code --every} seconds and at the end, with the
 * frames sent and the size of the trace. On demand only:
 *
 * <pre>
 * mvn -q test-compile exec:java@flood                                  # 900 KB frames for 5 minutes
 * mvn -q test-compile exec:java@flood -Dexec.args="--seconds 60 --kb 900 --every 10"
 * </pre>
 */
public final class FloodHarness {

    private FloodHarness() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = 300;
        int kilobytes = 900;
        int every = 30;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--kb" -> kilobytes = Integer.parseInt(args[i + 1]);
                case "--every" -> every = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("usage: [--seconds S] [--kb K] [--every S]");
            }
        }
        Path trace = Files.createTempFile("chargecheck-flood-trace-", ".jsonl");
        String head = "\",\"DataTransfer\",{\"vendorId\":\"ACME\",\"data\":\"";
        String data = "x".repeat(kilobytes * 1000);
        long sent = 0;
        try (CentralSystem cs = CentralSystem.start(CentralSystemConfig.builder().traceFile(trace).build())) {
            BlockingQueue<String> answers = new ArrayBlockingQueue<>(16);
            WebSocketClient flooder = new WebSocketClient(URI.create(cs.url() + "/FLOODER"),
                    new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))) {
                @Override
                public void onOpen(ServerHandshake handshake) {
                }

                @Override
                public void onMessage(String message) {
                    answers.add(message);
                }

                @Override
                public void onClose(int code, String reason, boolean remote) {
                    answers.add("closed " + code + " " + reason);
                }

                @Override
                public void onError(Exception ex) {
                }
            };
            if (!flooder.connectBlocking(10, TimeUnit.SECONDS)) {
                System.out.println("could not connect");
                return;
            }
            System.out.printf(Locale.ROOT, "central system at %s, trace %s; %d KB DataTransfer frames for %d s%n",
                    cs.url(), trace, kilobytes, seconds);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
            long nextReport = start + TimeUnit.SECONDS.toNanos(every);
            long maxRetained = 0;
            while (System.nanoTime() < deadline) {
                flooder.send("[2,\"f" + sent + head + data + "\"}]");
                sent++;
                String answer = answers.poll(30, TimeUnit.SECONDS);
                if (answer == null || !answer.startsWith("[3,")) {
                    System.out.println("unexpected answer: " + (answer == null ? "none within 30 s" : answer));
                    break;
                }
                if (System.nanoTime() >= nextReport) {
                    nextReport += TimeUnit.SECONDS.toNanos(every);
                    long retained = retainedAfterGc();
                    maxRetained = Math.max(maxRetained, retained);
                    System.out.printf(Locale.ROOT, "%4d s  %,8d frames (%,.0f MB received)  heap after GC %,d MiB  journal %,d in memory%n",
                            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), sent,
                            sent * (double) data.length() / 1e6, retained >> 20, cs.journal().size());
                }
            }
            flooder.closeBlocking();
            cs.flushTrace();
            long retained = retainedAfterGc();
            maxRetained = Math.max(maxRetained, retained);
            System.out.printf(Locale.ROOT, "%n%,d frames of %d KB in %d s; heap after GC at the end %,d MiB, highest %,d MiB"
                            + " (target: under 256); journal %,d entries in memory, %,d evicted; trace %,d MB%n",
                    sent, kilobytes, seconds, retained >> 20, maxRetained >> 20, cs.journal().size(),
                    cs.journal().evicted(), Files.size(trace) / 1_000_000);
        } finally {
            Files.deleteIfExists(trace);
        }
    }

    private static long retainedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
