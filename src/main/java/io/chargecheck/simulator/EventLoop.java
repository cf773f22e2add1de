package io.chargecheck.simulator;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The one thread all of a station's state lives on. Every task, timer and callback runs here, one
 * after the other, and is followed by {@code afterEachTask} (the status reconciliation), so no
 * state change can forget to report itself. The outside world hands work over with {@link #act}
 * and {@link #query} and waits for it; that is what makes the simulator deterministic.
 */
final class EventLoop {

    /** Tells when everything a task made the station send has been settled (answered, queued or dropped). */
    interface Settling {
        CompletionStage<?> settled();
    }

    private final String chargePointId;
    private final Duration controlTimeout;
    private final EventLog log;
    private final ScheduledExecutorService executor;
    private volatile Thread thread;
    private Runnable afterEachTask = () -> { };
    private Settling settling = () -> CompletableFuture.completedFuture(null);

    EventLoop(String chargePointId, Duration controlTimeout, EventLog log) {
        this.chargePointId = chargePointId;
        this.controlTimeout = controlTimeout;
        this.log = log;
        String threadName = "simulator-" + chargePointId;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Set once while the station is put together, before the loop runs anything. */
    void afterEachTask(Runnable task, Settling settling) {
        this.afterEachTask = task;
        this.settling = settling;
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return executor.schedule(() -> run(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** A timer that fires every {@code period}, the first time one period from now. */
    ScheduledFuture<?> every(Duration period, Runnable task) {
        return executor.scheduleAtFixedRate(() -> run(task), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    void execute(Runnable task) {
        try {
            executor.execute(() -> run(task));
        } catch (RejectedExecutionException e) {
            // switched off: nothing happens any more
        }
    }

    boolean isShutdown() {
        return executor.isShutdown();
    }

    void shutdown() {
        executor.shutdownNow();
    }

    private void run(Runnable task) {
        try {
            task.run();
            afterEachTask.run();
        } catch (RuntimeException bug) {
            log.error("internal error of the simulator", bug);
        }
    }

    /**
     * Runs {@code action} on the loop and waits until it is done and everything it made the
     * station send is answered by the central system, or queued (offline) or dropped.
     */
    void act(String what, Supplier<? extends CompletionStage<?>> action) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("control methods are for the outside world, not the simulator's own thread");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> run(() -> {
                CompletionStage<?> stage = action.get();
                stage.whenComplete((result, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                    } else {
                        // a task of its own: the current one reports its status changes first
                        execute(() -> settling.settled().whenComplete((ok, e) -> done.complete(null)));
                    }
                });
            }));
        } catch (RejectedExecutionException e) {
            throw switchedOff();
        }
        await(done::get, what);
    }

    /** Reads the station's state on the loop (at once when already on it). */
    <T> T query(Callable<T> question) {
        if (Thread.currentThread() == thread) {
            try {
                return question.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            return await(executor.submit(question)::get, "read its state");
        } catch (RejectedExecutionException e) {
            throw switchedOff();
        }
    }

    private IllegalStateException switchedOff() {
        return new IllegalStateException("simulator " + chargePointId + " is switched off");
    }

    private interface TimedGet<T> {
        T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;
    }

    private <T> T await(TimedGet<T> future, String what) {
        try {
            return future.get(controlTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator " + chargePointId + " did not finish '" + what
                    + "' within " + controlTimeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator to " + what);
        }
    }

    static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
