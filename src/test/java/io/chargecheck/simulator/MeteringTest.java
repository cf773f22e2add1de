package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The clock-aligned readings' boundaries. */
class MeteringTest {

    private static final Instant MIDNIGHT = Instant.parse("2024-04-26T00:00:00Z");

    @Test
    void theNextBoundaryIsCountedFromMidnight() {
        assertThat(Metering.boundaryAfter(MIDNIGHT.plusMillis(9_300), null, 2)).isEqualTo(MIDNIGHT.plusSeconds(10));
        assertThat(Metering.boundaryAfter(MIDNIGHT.plusSeconds(10), null, 2)).isEqualTo(MIDNIGHT.plusSeconds(12));
        assertThat(Metering.boundaryAfter(MIDNIGHT.minusMillis(500), null, 7)).as("a day's last interval ends at midnight")
                .isEqualTo(MIDNIGHT);
    }

    @Test
    void aTimerThatFiresEarlyDoesNotReadTheSameBoundaryTwice() {
        // the reading of 00:00:10 was taken when the wall clock still said 00:00:09.999
        assertThat(Metering.boundaryAfter(MIDNIGHT.plusMillis(9_999), MIDNIGHT.plusSeconds(10), 2))
                .isEqualTo(MIDNIGHT.plusSeconds(12));
    }
}
