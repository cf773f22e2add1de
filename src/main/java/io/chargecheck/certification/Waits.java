package io.chargecheck.certification;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * How every wait of a case starts: checked at once and then every few milliseconds, on the waiting
 * thread itself. Awaitility's default evaluates each wait on a thread of its own; a run of hundreds
 * of scenarios made a thousand threads that way, and every condition here is a quick look at the
 * journal that cannot block.
 */
final class Waits {

    static final Duration POLL = Duration.ofMillis(10);

    private Waits() {
    }

    static ConditionFactory await(String what) {
        return Awaitility.await(what).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(POLL);
    }
}
