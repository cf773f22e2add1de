package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** The OCA's charge-station cases of sections 2.1-2.21 and 2.23 (OCTT 1.6, FINAL 2024-04), in the catalogue's order. */
    static final List<String> OCTT_CASES = List.of("TC_001_CS", "TC_002_CS", "TC_003_CS", "TC_004_1_CS", "TC_004_2_CS",
            "TC_068_CS", "TC_069_CS", "TC_005_1_CS", "TC_005_2_CS", "TC_005_3_CS", "TC_007_CS", "TC_061_CS", "TC_010_CS",
            "TC_011_1_CS", "TC_011_2_CS", "TC_012_CS", "TC_013_CS", "TC_014_CS", "TC_015_CS", "TC_016_CS", "TC_017_1_CS",
            "TC_017_2_CS", "TC_018_1_CS", "TC_018_2_CS", "TC_019_CS", "TC_021_CS", "TC_070_CS", "TC_071_CS", "TC_023_CS",
            "TC_024_CS", "TC_026_CS", "TC_027_CS", "TC_028_CS", "TC_030_CS", "TC_031_CS", "TC_032_1_CS", "TC_032_2_CS",
            "TC_034_CS", "TC_036_CS", "TC_037_1_CS", "TC_037_2_CS", "TC_037_3_CS", "TC_038_CS", "TC_039_CS", "TC_040_1_CS",
            "TC_040_2_CS", "TC_041_CS", "TC_042_1_CS", "TC_042_2_CS", "TC_043_CS", "TC_043_1_CS", "TC_043_2_CS",
            "TC_043_3_CS", "TC_008_CS", "TC_044_1_CS", "TC_044_2_CS", "TC_044_3_CS", "TC_045_1_CS", "TC_045_2_CS",
            "TC_046_1_CS", "TC_046_2_CS", "TC_047_CS", "TC_048_1_CS", "TC_048_2_CS", "TC_048_3_CS", "TC_048_4_CS",
            "TC_049_CS", "TC_050_1_CS", "TC_050_2_CS", "TC_050_3_CS", "TC_050_4_CS", "TC_051_CS", "TC_052_CS", "TC_053_CS",
            "TC_054_CS", "TC_055_CS", "TC_062_CS");

    /** Its Smart Charging cases (section 2.22), in the catalogue's order. */
    static final List<String> SMART_CHARGING_CASES = List.of("TC_056_CS", "TC_057_CS", "TC_058_1_CS", "TC_058_2_CS",
            "TC_082_CS", "TC_066_CS", "TC_067_CS", "TC_072_CS", "TC_059_CS", "TC_060_CS");

    /** The security extension's cases (section 2.24). */
    static final List<String> SECURITY_CASES = List.of("TC_073_CS", "TC_074_CS", "TC_075_1_CS", "TC_075_2_CS", "TC_076_CS",
            "TC_077_CS", "TC_078_CS", "TC_079_CS", "TC_080_CS", "TC_081_CS", "TC_083_CS", "TC_084_CS", "TC_085_CS",
            "TC_086_CS", "TC_087_CS");

    @Test
    void everyQuirkHasAKebabCaseNameADescriptionAndACase() {
        assertThat(Quirk.values()).allSatisfy(quirk -> {
            assertThat(quirk.wireName()).matches("[a-z]+(-[a-z]+)*");
            assertThat(quirk.description()).isNotBlank();
            assertThat(quirk.testCase()).isBetween(Quirk.NO_SCRIPT_CASE, 16);
            assertThat(quirk.octtCases()).allSatisfy(id -> assertThat(OCTT_CASES.contains(id) || SMART_CHARGING_CASES.contains(id)
                    || SECURITY_CASES.contains(id))
                    .as(id + " is a case of the OCA's plan").isTrue());
            if (quirk.testCase() == Quirk.NO_SCRIPT_CASE) {
                assertThat(quirk.octtCases()).as(quirk + " is caught by some case").isNotEmpty();
            }
            assertThat(Quirk.fromWire(quirk.wireName())).contains(quirk);
            assertThat(quirk).hasToString(quirk.wireName());
        });
        assertThat(Arrays.stream(Quirk.values()).map(Quirk::testCase).filter(c -> c != Quirk.NO_SCRIPT_CASE).distinct())
                .as("at least one quirk for each case of the vendor script").hasSize(16);
    }

    @Test
    void everySecurityCaseHasAQuirkThatBreaksIt() {
        Set<String> caught = Arrays.stream(Quirk.values()).flatMap(q -> q.octtCases().stream()).collect(Collectors.toSet());
        assertThat(SECURITY_CASES).hasSize(15).allSatisfy(id -> assertThat(caught).as("a quirk for " + id).contains(id));
    }

    @Test
    void everyCaseOfTheOcaPlanHasAQuirkThatBreaksIt() {
        assertThat(OCTT_CASES).hasSize(77).doesNotHaveDuplicates();
        Set<String> caught = Arrays.stream(Quirk.values()).flatMap(q -> q.octtCases().stream()).collect(Collectors.toSet());
        assertThat(OCTT_CASES).allSatisfy(id -> assertThat(caught).as("a quirk for " + id).contains(id));
        assertThat(SMART_CHARGING_CASES).allSatisfy(id -> assertThat(caught).as("a quirk for " + id).contains(id));
    }
}
