package io.chargecheck.certification;

import io.chargecheck.certification.Evidence.Received;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Checks that a message repeats at an interval. The first gap after a change may still follow the
 * old timer, so it is the two gaps after it that are measured, averaged: a charger's timer that
 * fires one message late and the next on time keeps its interval, and is not failed for a busy
 * moment.
 */
public final class Cadence {

    private static final int ARRIVALS = 4;

    private Cadence() {
    }

    /** Tolerance for an interval: a fifth of it, but never under half a second (network and timer jitter). */
    public static Duration toleranceFor(Duration interval) {
        Duration fifth = interval.dividedBy(5);
        return fifth.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : fifth;
    }

    public static <T> void assertInterval(Evidence evidence, Class<T> type, String what, Predicate<T> matching, long since,
                                   Duration interval) {
        Duration tolerance = toleranceFor(interval);
        Duration timeout = interval.plus(tolerance).multipliedBy(ARRIVALS).plusSeconds(1);
        List<Received<T>> arrivals;
        try {
            arrivals = Waits.await(ARRIVALS + " " + what)
                    .atMost(timeout)
                    .until(() -> matches(evidence, type, matching, since), list -> list.size() >= ARRIVALS);
        } catch (ConditionTimeoutException e) {
            List<Received<T>> came = matches(evidence, type, matching, since);
            throw new AssertionError("expected " + what + " every " + Describe.seconds(interval) + " (± "
                    + Describe.seconds(tolerance) + "); received " + came.size() + " in " + Describe.seconds(timeout)
                    + times(came), null);
        }
        Duration gap = Duration.between(arrivals.get(1).entry().time(), arrivals.get(ARRIVALS - 1).entry().time())
                .dividedBy(ARRIVALS - 2);
        if (gap.minus(interval).abs().compareTo(tolerance) > 0) {
            throw new AssertionError("expected " + what + " every " + Describe.seconds(interval) + " (± "
                    + Describe.seconds(tolerance) + "); they came " + Describe.seconds(gap) + " apart on average"
                    + times(arrivals), null);
        }
    }

    private static <T> List<Received<T>> matches(Evidence evidence, Class<T> type, Predicate<T> matching, long since) {
        return evidence.received(type, since).stream().filter(r -> matching.test(r.message())).toList();
    }

    private static <T> String times(List<Received<T>> arrivals) {
        return arrivals.isEmpty() ? "" : " (at " + arrivals.stream().map(r -> Describe.time(r.entry().time()))
                .collect(Collectors.joining(", ")) + ")";
    }
}
