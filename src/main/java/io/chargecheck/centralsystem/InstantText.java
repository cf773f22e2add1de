package io.chargecheck.centralsystem;

import java.time.Instant;

/**
 * {@link Instant#toString()}, the trace's {@code time}, without a {@code DateTimeFormatter} for
 * every line: the text up to the seconds is made once per second of the clock (frames of one
 * second share it), the fraction is added as {@code toString} adds it (none, or 3, 6 or 9 digits).
 * A fifth of the trace writer's time went into formatting the time. Not thread-safe: the trace
 * writer's thread has its own.
 */
final class InstantText {

    private long second = Long.MIN_VALUE;
    /** {@code Instant.ofEpochSecond(second).toString()} without its 'Z'. */
    private String upToSeconds;

    String of(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond != second) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            upToSeconds = whole.substring(0, whole.length() - 1);
            second = epochSecond;
        }
        int nanos = instant.getNano();
        if (nanos == 0) {
            return upToSeconds + 'Z';
        }
        StringBuilder text = new StringBuilder(upToSeconds.length() + 11).append(upToSeconds).append('.');
        int digits;
        int value;
        if (nanos % 1_000_000 == 0) {
            digits = 3;
            value = nanos / 1_000_000;
        } else if (nanos % 1_000 == 0) {
            digits = 6;
            value = nanos / 1_000;
        } else {
            digits = 9;
            value = nanos;
        }
        String number = Integer.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number).append('Z').toString();
    }
}
