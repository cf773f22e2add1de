package io.chargecheck.certification;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * What the person at the charger reads, and the one thing they can type: Enter, to say they are
 * done with something the suite cannot see (while the central system is offline, nothing the
 * charger does reaches it). Instructions stand out from the log lines around them and always say
 * how long the suite will wait.
 */
public final class Console {

    /** The terminal itself: under Maven the tests' standard input is a pipe of the build, not the keyboard. */
    private static final String TERMINAL = "/dev/tty";

    private final PrintStream out;
    private final Object keyboardLock = new Object();
    private BlockingQueue<String> lines;

    public Console(PrintStream out) {
        this.out = out;
    }

    public static Console system() {
        return new Console(System.out);
    }

    public void instruct(String instruction, Duration patience) {
        out.println();
        out.println(">>> ACTION NEEDED: " + instruction);
        out.println(">>> Waiting up to " + Describe.seconds(patience) + " for the charger to report it.");
        out.println();
        out.flush();
    }

    public void inform(String line) {
        out.println("    " + line);
        out.flush();
    }

    public void countdown(String what, Duration left) {
        out.println("    " + what + ": " + Describe.seconds(Duration.ofSeconds(left.toSeconds())) + " left");
        out.flush();
    }

    /**
     * Waits until the person presses Enter or the time is up, whichever comes first. Returns false
     * at once when there is no terminal to read (CI, a run started without one): the caller then
     * waits for its own reasons.
     */
    public boolean awaitEnter(Duration atMost) {
        BlockingQueue<String> keyboard = keyboard();
        if (keyboard == null) {
            out.println(">>> The suite waits " + Describe.seconds(atMost) + " for it.");
            out.flush();
            return false;
        }
        out.println(">>> Press Enter here once you have done it (the suite waits up to " + Describe.seconds(atMost) + ").");
        out.flush();
        keyboard.clear(); // an Enter pressed before the question does not answer it
        try {
            keyboard.poll(atMost.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** One reader of the terminal for the whole run, started on the first question; null when there is no terminal. */
    private BlockingQueue<String> keyboard() {
        synchronized (keyboardLock) {
            if (lines == null) {
                BufferedReader terminal;
                try {
                    terminal = new BufferedReader(new InputStreamReader(new FileInputStream(TERMINAL), Charset.defaultCharset()));
                } catch (IOException e) {
                    return null;
                }
                BlockingQueue<String> read = new LinkedBlockingQueue<>();
                Thread reader = new Thread(() -> {
                    try {
                        for (String line = terminal.readLine(); line != null; line = terminal.readLine()) {
                            read.add(line);
                        }
                    } catch (IOException ignored) {
                        // the terminal went away: the waits run to their end
                    }
                }, "chargecheck-keyboard");
                reader.setDaemon(true);
                reader.start();
                lines = read;
            }
            return lines;
        }
    }
}
