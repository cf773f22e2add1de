package io.chargecheck.simulator;

import io.chargecheck.filetransfer.FileTransferClient;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

/**
 * The blocking file transfers of firmware and diagnostics, run off the event loop with OCPP's
 * retries; their outcome is handed back to the event loop.
 */
final class FileTransfers {

    private final Station station;
    private final ExecutorService transfers;
    private final FileTransferClient ftp;

    FileTransfers(Station station) {
        this.station = station;
        String threadName = "simulator-" + station.config.chargePointId() + "-ftp";
        this.transfers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        this.ftp = new FileTransferClient(station.config.transferTimeout(), station.config.sslContext());
    }

    FileTransferClient ftp() {
        return ftp;
    }

    /**
     * Runs {@code task} with up to {@code attempts} tries {@code retryInterval} apart: {@code done}
     * gets the result, or null and the reason it failed. Nothing is handed back when the station
     * rebooted meanwhile.
     */
    <T> void run(String what, Callable<T> task, int attempts, Duration retryInterval, BiConsumer<T, String> done) {
        int transferSession = station.session();
        transfers.execute(() -> {
            T result = null;
            String failure = null;
            try {
                result = task.call();
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            T outcome = result;
            String reason = failure;
            station.execute(() -> {
                if (transferSession != station.session()) {
                    return;
                }
                if (reason == null) {
                    done.accept(outcome, null);
                } else if (attempts > 1) {
                    station.log.info("{} failed ({}); trying again in {} s", what, reason, retryInterval.toSeconds());
                    station.schedule(() -> {
                        if (transferSession == station.session()) {
                            run(what, task, attempts - 1, retryInterval, done);
                        }
                    }, retryInterval);
                } else {
                    done.accept(null, reason);
                }
            });
        });
    }

    void shutdown() {
        transfers.shutdownNow();
    }

    /** OCPP's retries: the first try plus up to 5 more. */
    static int attempts(Integer retries) {
        return 1 + Math.max(0, Math.min(retries == null ? 0 : retries, 5));
    }

    static Duration retryInterval(Integer seconds) {
        return Duration.ofSeconds(seconds == null ? 1 : Math.max(0, Math.min(seconds, 60)));
    }
}
