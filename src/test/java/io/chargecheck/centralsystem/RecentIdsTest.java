package io.chargecheck.centralsystem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Against the map it replaced: the last so many ids in order of arrival, a reused one told and not added again. */
class RecentIdsTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void tellsAReusedIdAsAMapOfTheLastOnesWould(int capacity) {
        Random random = new Random(capacity);
        RecentIds ids = new RecentIds(capacity);
        Map<String, Boolean> model = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
        int reused = 0;
        for (int i = 0; i < 200_000; i++) {
            // a few ids over and over (a counter that restarts, a constant id) among many new ones
            String id = random.nextInt(3) == 0 ? "id-" + random.nextInt(capacity * 3 + 2) : "new-" + i;
            boolean expected = model.put(id, Boolean.TRUE) != null;
            reused += expected ? 1 : 0;

            assertThat(ids.seenElseAdd(id)).as("call %d, id %s", i, id).isEqualTo(expected);
        }
        assertThat(reused).as("reused ids met").isPositive();
    }
}
