package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class QuirkTest {

    @Test
    void parsesACommaSeparatedListIgnoringBlanks() {
        assertThat(Quirk.parse(" no-heartbeat, ,boot-without-serial,")).containsExactlyInAnyOrder(Quirk.NO_HEARTBEAT,
                Quirk.BOOT_WITHOUT_SERIAL);
        assertThat(Quirk.parse("")).isEmpty();
        assertThat(Quirk.parse(null)).isEmpty();
    }

    @Test
    void anUnknownNameFailsAndListsTheKnownOnes() {
        assertThatThrownBy(() -> Quirk.parse("no-heartbeat,no-such-quirk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'no-such-quirk'")
                .hasMessageContaining("soft-reset-needs-second-attempt");
    }

    @Test
    void everyQuirkHasAKebabCaseNameADescriptionAndACase() {
        assertThat(Quirk.values()).allSatisfy(quirk -> {
            assertThat(quirk.wireName()).matches("[a-z]+(-[a-z]+)*");
            assertThat(quirk.description()).isNotBlank();
            assertThat(quirk.testCase()).isBetween(1, 16);
            assertThat(Quirk.fromWire(quirk.wireName())).contains(quirk);
            assertThat(quirk).hasToString(quirk.wireName());
        });
        assertThat(Arrays.stream(Quirk.values()).map(Quirk::testCase).distinct()).hasSize(16);
    }
}
