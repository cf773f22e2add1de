package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.chargecheck.selftest.SuiteRun.Result;
import io.chargecheck.simulator.Quirk;
import io.chargecheck.simulator.Variant;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The OCA's plan proves itself on the simulator: a simulator without quirks passes every case of it
 * that has a feature file, and each quirk named for OCA cases fails the first of them, and no case
 * it does not name. In {@code mvn verify} a quirk runs against the cases of that case's feature
 * profile; for Core, whose 47 cases would take every quirk minutes, against those of its section of
 * the OCA's document (2.1 Cold Boot, 2.6 Resetting, ...).
 * {@code -Dchargecheck.selftest.octt.wholeProfiles=true} runs Core quirks against all of Core too;
 * {@code -Dchargecheck.selftest.wholeMatrix=true} runs every quirk against every case of both plans.
 */
class OcttSelfTest {

    private static final Path FEATURES = Path.of("features", "octt");
    private static final Map<String, CompletableFuture<Result>> STARTED = new LinkedHashMap<>();
    /**
     * Defects the OCA's plan does not look for, caught by a check of what OCPP 1.6 requires beyond it:
     * their case passes with a finding, and fails under chargecheck.strict.
     */
    private static final Set<Quirk> BEYOND_THE_PLAN = java.util.EnumSet.of(Quirk.CHARGES_AT_FULL_POWER);

    /**
     * The simulator's variants (legal behaviours of real chargers) and the OCA cases each touches:
     * with the variant those cases must pass. With {@code chargecheck.selftest.wholeMatrix} each
     * runs the whole plan. Left out: no-connector-zero-at-boot, which the script's criteria let
     * pass with a finding, but the OCA's cases fail, as OCPP 1.6 has it (a StatusNotification for
     * connector 0 after the boot).
     */
    private static final Map<Variant, String> VARIANT_CASES = Map.of(
            Variant.LATE_FINISHING, "@TC_003_CS or @TC_012_CS or @TC_016_CS or @TC_032_1_CS or @TC_068_CS",
            Variant.NO_AUTH_CACHE, "@TC_007_CS or @TC_008_CS or @TC_037_1_CS or @TC_039_CS or @TC_061_CS",
            Variant.RECONNECT_WITHOUT_BOOT, "@TC_001_CS or @TC_013_CS or @TC_036_CS or @TC_085_CS",
            Variant.REBOOT_REQUIRED_KEYS, "@TC_002_CS or @TC_004_1_CS or @TC_021_CS or @TC_036_CS or @TC_070_CS or @TC_071_CS",
            Variant.NOTIFICATIONS_BEFORE_ANSWER, "@firmware or @diagnostics",
            Variant.SLOW_REPLAY, "@TC_036_CS or @TC_038_CS or @TC_039_CS",
            Variant.NO_EV_SIDE_DISCONNECT_KEY, "@TC_005_1_CS or @TC_005_2_CS or @TC_005_3_CS");
    private static final Set<Variant> NOT_LEGAL_FOR_THE_OCA = java.util.EnumSet.of(Variant.NO_CONNECTOR_ZERO_AT_BOOT);

    @TestFactory
    Stream<DynamicTest> eachVariantPassesTheOcaCasesItTouches() {
        boolean wholeMatrix = Boolean.getBoolean(SelfTest.WHOLE_MATRIX);
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<Variant, String> touched : new java.util.TreeMap<>(VARIANT_CASES).entrySet()) {
            String name = touched.getKey().wireName();
            CompletableFuture<Result> run = start("octt-variant-" + name, Map.of("plan", "octt", "simulator.variants", name),
                    wholeMatrix ? "" : touched.getValue(), SuiteRun.Length.LONG);
            tests.add(dynamicTest("with " + name + " the OCA's cases pass (" + (wholeMatrix ? "all" : touched.getValue()) + ")",
                    () -> {
                        Result result = run.join();
                        assertThat(result.runError()).as(result.toString()).isNull();
                        assertThat(result.failedCaseIds()).as(result.toString()).isEmpty();
                        assertThat(result.scenarios()).as(result.toString()).isNotEmpty();
                        if (touched.getKey() == Variant.NO_AUTH_CACHE && !wholeMatrix) {
                            // a station without a cache is not one the cache cases are for: not applicable, not "not tested"
                            assertThat(result.scenarios()).filteredOn(o -> Set.of("TC_007_CS", "TC_061_CS").contains(o.caseId().id()))
                                    .as(result.toString()).isNotEmpty().allSatisfy(o -> assertThat(o.error())
                                            .hasMessageStartingWith(io.chargecheck.certification.Applicability.NOT_APPLICABLE));
                        }
                    }));
        }
        tests.add(dynamicTest("every variant has its OCA cases, or says why not", () -> assertThat(
                Stream.concat(VARIANT_CASES.keySet().stream(), NOT_LEGAL_FOR_THE_OCA.stream()))
                .containsExactlyInAnyOrder(Variant.values())));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> eachQuirkFailsItsOcaCase() {
        Map<String, String[]> catalogue = catalogue();
        boolean wholeProfiles = Boolean.getBoolean("chargecheck.selftest.octt.wholeProfiles");
        Set<String> implemented = implementedCases();
        boolean wholeMatrix = Boolean.getBoolean(SelfTest.WHOLE_MATRIX);
        List<DynamicTest> tests = new ArrayList<>();
        CompletableFuture<Result> clean = start("octt-no-quirk", Map.of("plan", "octt"), "", SuiteRun.Length.LONG);
        tests.add(dynamicTest("a simulator without quirks passes every case of the OCA's plan that has a feature", () -> {
            Result result = clean.join();
            assertThat(result.runError()).as(result.toString()).isNull();
            assertThat(result.failures().stream().filter(s -> s.status() == io.cucumber.plugin.event.Status.FAILED))
                    .as(result.toString()).isEmpty();
            assertThat(result.byCaseId().keySet()).as("every case with a feature ran").containsAll(implemented);
        }));
        for (Quirk quirk : quirks(implemented)) {
            String primary = quirk.octtCases().get(0);
            boolean beyond = BEYOND_THE_PLAN.contains(quirk);
            Map<String, String> settings = new LinkedHashMap<>(Map.of("plan", wholeMatrix ? "all" : "octt",
                    "simulator.quirks", quirk.wireName()));
            if (beyond) {
                settings.put("strict", "true");
                CompletableFuture<Result> lenient = start("octt-" + quirk.wireName() + "-not-strict",
                        Map.of("plan", "octt", "simulator.quirks", quirk.wireName()), "@" + primary);
                tests.add(dynamicTest(quirk.wireName() + " leaves " + primary + " passing, with a finding", () -> {
                    Result result = lenient.join();
                    assertThat(result.failedCaseIds()).as(result.toString()).isEmpty();
                    assertThat(result.byCaseId().get(primary)).as(result.toString())
                            .flatExtracting(io.chargecheck.suite.OutcomeRecorder.ScenarioOutcome::findings).isNotEmpty();
                }));
            }
            CompletableFuture<Result> run = start("octt-" + quirk.wireName() + (beyond ? "-strict" : ""), settings,
                    wholeMatrix ? "" : casesBeside(primary, catalogue, implemented, wholeProfiles));
            tests.add(dynamicTest(quirk.wireName() + " fails " + primary + (beyond ? " under chargecheck.strict" : ""), () -> {
                Result result = run.join();
                assertThat(result.runError()).as(result.toString()).isNull();
                assertThat(result.failedCaseIds()).as(result.toString()).contains(primary);
                Set<String> named = Set.copyOf(quirk.octtCases());
                assertThat(result.failedCaseIds().stream().filter(id -> id.startsWith("TC_")).toList())
                        .as("cases failed that " + quirk.wireName() + " does not name; " + result).isSubsetOf(named);
            }));
        }
        tests.add(dynamicTest("every case of the OCA's plan with a feature has a quirk it catches", () -> {
            Set<String> caught = Arrays.stream(Quirk.values()).flatMap(q -> q.octtCases().stream()).collect(Collectors.toSet());
            assertThat(caught).containsAll(implemented);
        }));
        return tests.stream();
    }

    @AfterAll
    static void report() {
        STARTED.values().stream().map(CompletableFuture::join).forEach(r -> System.out.println("octt self-test " + r));
    }

    /** The quirks named for at least one case that has a feature, those of -Dchargecheck.selftest.only when given. */
    private static List<Quirk> quirks(Set<String> implemented) {
        String only = System.getProperty("chargecheck.selftest.only", "");
        return Arrays.stream(Quirk.values())
                .filter(q -> !q.octtCases().isEmpty() && implemented.contains(q.octtCases().get(0)))
                .filter(q -> only.isBlank() || only.contains(q.wireName()))
                .toList();
    }

    private static Set<String> implementedCases() {
        if (!Files.isDirectory(FEATURES)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(FEATURES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".feature"))
                    .map(n -> n.substring(0, n.indexOf("_CS") + 3)).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tag expression of the cases a quirk of this case runs against: its profile's, or for Core
     * (unless whole profiles are asked for) its section's that have a feature.
     */
    private static String casesBeside(String primary, Map<String, String[]> catalogue, Set<String> implemented,
                                      boolean wholeProfiles) {
        String profile = catalogue.get(primary)[0];
        if (!profile.equals("core") || wholeProfiles) {
            return "@" + profile;
        }
        String section = catalogue.get(primary)[1];
        return catalogue.entrySet().stream()
                .filter(e -> e.getValue()[1].equals(section) && implemented.contains(e.getKey()))
                .map(e -> "@" + e.getKey()).collect(Collectors.joining(" or "));
    }

    /** Each OCA case's profile tag and section, from the plan's catalogue. */
    private static Map<String, String[]> catalogue() {
        Map<String, String[]> cases = new LinkedHashMap<>();
        try (InputStream in = OcttSelfTest.class.getClassLoader().getResourceAsStream("io/chargecheck/report/octt-cases.tsv")) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                    .forEach(cells -> cases.put(cells[0], new String[] {cells[1], cells[2]}));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    private static CompletableFuture<Result> start(String label, Map<String, String> settings, String tags) {
        return start(label, settings, tags, SuiteRun.Length.SHORT);
    }

    private static CompletableFuture<Result> start(String label, Map<String, String> settings, String tags,
                                                   SuiteRun.Length length) {
        return STARTED.computeIfAbsent(label, l -> SuiteRun.start(l, settings, tags, length));
    }
}
