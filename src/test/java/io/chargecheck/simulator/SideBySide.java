package io.chargecheck.simulator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A simulator test that runs side by side with the other tests of its class: each has a central
 * system of its own on an ephemeral port and spends most of its time on protocol timers. The class
 * as a whole still runs alone, so nothing else of the build (the self-test's timed cases) shares
 * the machine with it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Test
@Execution(ExecutionMode.CONCURRENT)
@interface SideBySide {
}
