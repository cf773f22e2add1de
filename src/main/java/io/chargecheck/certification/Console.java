package io.chargecheck.certification;

import java.io.PrintStream;
import java.time.Duration;

/**
 * What the person at the charger reads. Instructions stand out from the log lines around them and
 * always say how long the suite will wait.
 */
public final class Console {

    private final PrintStream out;

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
        out.println("    " + what + ": " + Describe.seconds(left) + " left");
        out.flush();
    }
}
