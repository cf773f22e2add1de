package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The trace's time text is exactly {@link Instant#toString()}, whatever the fraction and however the seconds follow. */
class InstantTextTest {

    @Test
    void everyInstantIsWrittenAsInstantWritesItself() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(-1), Instant.ofEpochSecond(-1, 999_999_999),
                Instant.parse("2026-12-01T23:59:59.999999999Z"), Instant.parse("2026-12-02T00:00:00Z"),
                Instant.parse("2026-12-02T00:00:00.001Z"), Instant.parse("2026-12-02T00:00:00.000001Z"),
                Instant.parse("2026-12-02T00:00:00.000000001Z"), Instant.parse("2026-12-02T00:00:00.1Z"),
                Instant.parse("2026-12-02T00:00:00.120Z"), Instant.parse("2026-12-02T00:00:00.123400Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.5Z"),
                Instant.parse("+10000-01-01T00:00:00.25Z"), Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX));
        Random random = new Random(20261202);
        Instant clock = Instant.parse("2026-12-01T23:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            // mostly as a clock moves (many frames in one second), now and then a jump
            clock = i % 500 == 0 ? Instant.ofEpochSecond(random.nextLong() % 300_000_000_000L, random.nextInt(1_000_000_000))
                    : clock.plusNanos(switch (random.nextInt(4)) {
                        case 0 -> random.nextInt(1_000) * 1_000_000L;
                        case 1 -> random.nextInt(1_000_000) * 1_000L;
                        case 2 -> random.nextInt(1_000_000_000);
                        default -> 1_000_000_000L - clock.getNano();
                    });
            instants.add(clock);
        }
        InstantText text = new InstantText();
        for (Instant instant : instants) {
            assertThat(text.of(instant)).isEqualTo(instant.toString());
        }
    }
}
