package io.chargecheck.selftest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.chargecheck.selftest.SuiteRun.Result;
import io.chargecheck.simulator.Quirk;
import io.chargecheck.simulator.Variant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The suite proves itself in both directions. Quirks are defects: against the simulator with one
 * quirk on, the case that exists to catch it fails with a message a test engineer understands, and
 * every other case passes (where a quirk honestly breaks a second case too, the matrix says which
 * and why); a quirk of what OCPP 1.6 requires beyond the script shows its finding in its case, which
 * fails only under chargecheck.strict. Variants are legal behaviours that differ from the
 * simulator's defaults: with any of them on, every case passes. A simulator without either passes
 * every case.
 */
class SelfTest {

    /**
     * In {@code mvn verify} each quirk runs the case that must catch it; with
     * {@code -Dchargecheck.selftest.wholeMatrix=true} every quirk runs every case, and the cases it
     * breaks besides its own must be the ones the matrix names (about three minutes).
     */
    static final String WHOLE_MATRIX = "chargecheck.selftest.wholeMatrix";
    /** The cases with transactions, whose aftercare the serial runs put to the test. */
    private static final String TRANSACTION_CASES = "@case-06 or @case-07 or @case-08 or @case-11 or @case-14";

    /** What each quirk must do to the suite. */
    record Catch(Quirk quirk, int caseNumber, String message, Set<Integer> alsoFails, String why) {

        /** A quirk that honestly breaks more than its own case: which, and why. */
        Catch alsoFailing(String why, Integer... cases) {
            return new Catch(quirk, caseNumber, message, Set.of(cases), why);
        }
    }

    /** A quirk of what OCPP 1.6 requires beyond the script: its case passes, showing the finding. */
    record Finding(Quirk quirk, int caseNumber, String finding) {
    }

    /**
     * A legal behaviour every case must pass: a simulator variant, or settings of the bench, run
     * side by side or one scenario after another on one station (which puts aftercare to the test).
     */
    record Legal(String name, Map<String, String> settings, String tags) {

        static Legal variant(Variant variant) {
            return new Legal(variant.wireName(), Map.of("simulator.variants", variant.wireName()), "");
        }

        /** The same one scenario after another on one station, on the cases with transactions. */
        Legal serially() {
            Map<String, String> serial = new HashMap<>(settings);
            serial.put("parallelism", "1");
            return new Legal(name + "-serially", serial, TRANSACTION_CASES);
        }
    }

    static final List<Catch> MATRIX = List.of(
            catches(Quirk.BOOT_WITHOUT_SERIAL, 1, "missing: chargePointSerialNumber"),
            catches(Quirk.NO_HEARTBEAT, 2, "expected Heartbeat within"),
            catches(Quirk.HEARTBEAT_INTERVAL_IGNORED, 2, "expected Heartbeats every 1 s"),
            catches(Quirk.NO_CONNECTOR_ZERO_STATUS, 3, "none for connector 0")
                    .alsoFailing("a fault of the station itself is reported on connector 0 (10)", 10),
            catches(Quirk.AVAILABILITY_NOT_REPORTED, 3, "expected StatusNotification Unavailable for connector 0"),
            catches(Quirk.UNKNOWN_KEY_NOT_REPORTED, 4, "expected ChargeCheckNoSuchKey in unknownKey"),
            catches(Quirk.KEY_NOT_SUPPORTED, 5, "ConnectionTimeOut (NotSupported)"),
            catches(Quirk.REJECT_CHANGE_CONFIGURATION, 5, "(Rejected)")
                    .alsoFailing("every case that sets a key first fails there: HeartbeatInterval (2), MeterValuesSampledData (8)", 2, 8),
            catches(Quirk.REMOTE_START_IGNORED, 6, "expected StartTransaction for connector 1 within")
                    .alsoFailing("their transactions are started remotely: 7, 8 and 14; case 11 waits for Preparing after a remote start",
                            7, 8, 11, 14),
            catches(Quirk.LOCAL_START_WITHOUT_AUTHORIZE, 6, "expected Authorize for card CC-ACCEPTED")
                    .alsoFailing("case 14 first has the card authorized online, which this station never asks for", 14),
            catches(Quirk.START_DESPITE_REJECTED_CARD, 6, "expected no StartTransaction for connector 1"),
            catches(Quirk.REMOTE_STOP_IGNORED, 7, "expected StopTransaction for transaction")
                    .alsoFailing("case 8 stops its transaction remotely to see the meter values at the stop", 8),
            catches(Quirk.LOCAL_STOP_IGNORED, 7, "expected StopTransaction for transaction")
                    .alsoFailing("case 14 ends its transaction with the card while offline", 14),
            catches(Quirk.UNPLUG_DOES_NOT_STOP, 7, "expected StopTransaction for transaction"),
            catches(Quirk.REJECT_MEASURAND, 8, "refused measurand: Voltage"),
            catches(Quirk.NO_METER_VALUES, 8, "expected MeterValues of transaction"),
            catches(Quirk.METER_INTERVAL_IGNORED, 8, "expected MeterValues of transaction"),
            catches(Quirk.NO_TRANSACTION_METER_VALUES, 8, "missing: Transaction.Begin Transaction.End"),
            catches(Quirk.METER_VALUES_ENERGY_ONLY, 8, "measurands received: Energy.Active.Import.Register"),
            catches(Quirk.HARD_RESET_IGNORED, 9, "after accepting Reset Hard, twice"),
            catches(Quirk.SOFT_RESET_IGNORED, 9, "after accepting Reset Soft, twice"),
            catches(Quirk.FAULT_WITHOUT_ERROR_CODE, 10, "Faulted with NoError"),
            catches(Quirk.STATION_FAULT_ON_CONNECTOR_ONE, 10, "for connector 0 with status Faulted"),
            catches(Quirk.WRONG_STATUS_AFTER_UNPLUG, 11, "for connector 1 with status Available")
                    .alsoFailing("the connector stays Finishing after every unplug, the suite's own tidying up included, "
                            + "so case 7 waits in vain for Available and later cases find it not Available", 6, 7, 14),
            catches(Quirk.CONNECTION_TIMEOUT_IGNORED, 11, "for connector 1 with status Available"),
            catches(Quirk.FIRMWARE_NEVER_INSTALLED, 12, "expected FirmwareStatusNotification Downloading, Downloaded, Installing, Installed"),
            catches(Quirk.FIRMWARE_NO_REBOOT, 12, "expected BootNotification within"),
            catches(Quirk.FIRMWARE_NOT_DOWNLOADED, 12, "never fetched"),
            catches(Quirk.DIAGNOSTICS_NEVER_UPLOADED, 13, "Uploaded"),
            catches(Quirk.DIAGNOSTICS_NO_FILE_NAME, 13, "the answer had no fileName"),
            catches(Quirk.LOSE_QUEUED_STOP_TRANSACTION, 14, "expected StopTransaction for transaction"),
            catches(Quirk.OFFLINE_WRONG_TRANSACTION_ID, 14, "expected StopTransaction for transaction"),
            catches(Quirk.OFFLINE_NOT_REPLAYED, 14, "expected StopTransaction for transaction"),
            catches(Quirk.REPLAY_OUT_OF_ORDER_LATE, 14, "in the order they happened"),
            catches(Quirk.IGNORE_CLEAR_CACHE, 15, "expected the station to accept ClearCache; it answered Rejected"),
            catches(Quirk.TRIGGER_MESSAGE_NOT_IMPLEMENTED, 16, "it answered NotImplemented")
                    .alsoFailing("case 2 asks for a Heartbeat with TriggerMessage", 2),
            catches(Quirk.TRIGGER_ACCEPTED_NOTHING_SENT, 16, "within")
                    .alsoFailing("case 2 asks for a Heartbeat with TriggerMessage", 2));

    static final List<Finding> FINDINGS = List.of(
            new Finding(Quirk.HEARTBEATS_STOP_AFTER_RECONNECT, 14, "no Heartbeat (nor any other message) within"));

    /** A station whose HeartbeatInterval already is the test interval: case 2 must set another to see a change. */
    static final Legal HEARTBEAT_EQUALS = new Legal("heartbeat-equals-test-interval",
            Map.of("heartbeatInterval", "1", "test.heartbeatInterval", "1"), "");

    static final List<Legal> LEGAL = List.of(
            Legal.variant(Variant.LATE_FINISHING).serially(),
            Legal.variant(Variant.LATE_FINISHING),
            Legal.variant(Variant.NO_AUTH_CACHE),
            Legal.variant(Variant.RECONNECT_WITHOUT_BOOT),
            Legal.variant(Variant.REBOOT_REQUIRED_KEYS),
            Legal.variant(Variant.NOTIFICATIONS_BEFORE_ANSWER),
            Legal.variant(Variant.NO_CONNECTOR_ZERO_AT_BOOT),
            Legal.variant(Variant.SLOW_REPLAY),
            Legal.variant(Variant.NO_EV_SIDE_DISCONNECT_KEY),
            HEARTBEAT_EQUALS);

    private static final Map<String, CompletableFuture<Result>> STARTED = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> eachQuirkIsCaughtAndEveryLegalBehaviourPasses() {
        // the legal behaviours through every case take longest, and one scenario after another longest of all
        LEGAL.stream().sorted(Comparator.comparing(legal -> !legal.settings().containsKey("parallelism")))
                .forEach(legal -> start(legal.name(), legal.settings(), legal.tags(), SuiteRun.Length.LONG));
        CompletableFuture<Result> clean = start("no-quirk", Map.of(), "", SuiteRun.Length.LONG);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("a simulator without quirks passes every case", () -> {
            Result result = clean.join();
            assertThat(result.runError()).as(result.toString()).isNull();
            assertThat(result.failures()).as(result.toString()).isEmpty();
            assertThat(result.byCase().keySet()).as("every case ran").hasSize(16);
        }));
        tests.add(dynamicTest("soft-reset-needs-second-attempt passes case 9, reported as such", () -> {
            Result result = start(Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT.wireName(),
                    Map.of("simulator.quirks", Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT.wireName()), "").join();
            assertThat(result.failures()).as(result.toString()).isEmpty();
            assertThat(result.observations(9)).contains("soft reset successful on the second attempt");
        }));
        boolean wholeMatrix = Boolean.getBoolean(WHOLE_MATRIX);
        for (Catch expected : selected(MATRIX, Catch::quirk)) {
            CompletableFuture<Result> run = start(expected.quirk().wireName(),
                    Map.of("simulator.quirks", expected.quirk().wireName()),
                    wholeMatrix ? "" : "@case-%02d".formatted(expected.caseNumber()));
            tests.add(dynamicTest(expected.quirk().wireName() + " is caught by case " + expected.caseNumber(), () -> {
                Result result = run.join();
                assertThat(result.runError()).as(result.toString()).isNull();
                assertThat(result.failedCases()).as(result.toString()).contains(expected.caseNumber());
                assertThat(failureMessages(result, expected.caseNumber())).as(result.toString())
                        .anySatisfy(message -> assertThat(message).contains(expected.message()));
                List<Integer> others = new ArrayList<>(result.failedCases());
                others.remove(Integer.valueOf(expected.caseNumber()));
                assertThat(others).as("cases failed besides " + expected.caseNumber() + (expected.why().isEmpty() ? ""
                        : " (expected: " + expected.why() + ")") + "; " + result).isSubsetOf(expected.alsoFails());
            }));
        }
        for (Finding expected : selected(FINDINGS, Finding::quirk)) {
            String quirk = expected.quirk().wireName();
            String itsCase = "@case-%02d".formatted(expected.caseNumber());
            CompletableFuture<Result> lenient = start(quirk, Map.of("simulator.quirks", quirk), wholeMatrix ? "" : itsCase);
            CompletableFuture<Result> strict = start(quirk + "-strict", Map.of("simulator.quirks", quirk, "strict", "true"),
                    itsCase);
            tests.add(dynamicTest(quirk + " is shown in case " + expected.caseNumber() + ", a failure under strict", () -> {
                Result result = lenient.join();
                assertThat(result.runError()).as(result.toString()).isNull();
                assertThat(result.failures()).as(result.toString()).isEmpty();
                assertThat(result.findings(expected.caseNumber())).as(result.toString())
                        .anySatisfy(finding -> assertThat(finding).contains(expected.finding()));
                Result underStrict = strict.join();
                assertThat(failureMessages(underStrict, expected.caseNumber())).as(underStrict.toString())
                        .anySatisfy(message -> assertThat(message).contains("not as OCPP 1.6 requires: " + expected.finding()));
            }));
        }
        for (Legal legal : LEGAL) {
            CompletableFuture<Result> run = start(legal.name(), legal.settings(), legal.tags());
            tests.add(dynamicTest(legal.name() + " passes every case", () -> {
                Result result = run.join();
                assertThat(result.runError()).as(result.toString()).isNull();
                assertThat(result.failures()).as(result.toString()).isEmpty();
                assertThat(result.scenarios()).as("cases ran").isNotEmpty();
            }));
        }
        tests.add(dynamicTest("a station that already beats at the test interval is set to another, to see the change", () -> {
            start(HEARTBEAT_EQUALS.name(), HEARTBEAT_EQUALS.settings(), HEARTBEAT_EQUALS.tags()).join();
            Pattern heartbeatSet = Pattern.compile("ChangeConfiguration.*HeartbeatInterval.*value[^0-9]*([0-9]+)");
            List<String> set = new ArrayList<>();
            for (String line : Files.readAllLines(Path.of("target", "self-test", HEARTBEAT_EQUALS.name(), "ocpp-trace.jsonl"))) {
                Matcher value = heartbeatSet.matcher(line);
                // case 5 sets every key to its own value on purpose; case 2's stations are named after it
                if (line.contains("\"messageType\":\"CALL\"") && line.contains("-02-") && value.find()) {
                    set.add(value.group(1));
                }
            }
            assertThat(set).as("values case 2 gave HeartbeatInterval, the station having 1").isNotEmpty().doesNotContain("1");
        }));
        // Quirks and variants added to the simulator must get a line here (quirks only the OCA's plan looks for, in its own).
        tests.add(dynamicTest("every quirk is in the matrix", () -> assertThat(Stream.concat(MATRIX.stream().map(Catch::quirk),
                FINDINGS.stream().map(Finding::quirk))).containsAll(Arrays.stream(Quirk.values())
                .filter(q -> q != Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT).filter(q -> q.testCase() != Quirk.NO_SCRIPT_CASE)
                .toList())));
        tests.add(dynamicTest("every variant is among the legal behaviours", () -> assertThat(LEGAL.stream().map(Legal::name))
                .containsAll(Arrays.stream(Variant.values()).map(Variant::wireName).toList())));
        return tests.stream();
    }

    @AfterAll
    static void report() {
        STARTED.values().stream().map(CompletableFuture::join).forEach(r -> System.out.println("self-test " + r));
    }

    /** -Dchargecheck.selftest.only=quirk-a,quirk-b runs only those, to work on one quirk. */
    private static <T> List<T> selected(List<T> all, java.util.function.Function<T, Quirk> quirk) {
        String only = System.getProperty("chargecheck.selftest.only", "");
        return only.isBlank() ? all : all.stream().filter(c -> only.contains(quirk.apply(c).wireName())).toList();
    }

    private static CompletableFuture<Result> start(String label, Map<String, String> settings, String tags) {
        return start(label, settings, tags, SuiteRun.Length.SHORT);
    }

    private static CompletableFuture<Result> start(String label, Map<String, String> settings, String tags,
                                                   SuiteRun.Length length) {
        return STARTED.computeIfAbsent(label, l -> SuiteRun.start(l, settings, tags, length));
    }

    private static List<String> failureMessages(Result result, int caseNumber) {
        return result.byCase().getOrDefault(caseNumber, List.of()).stream()
                .filter(s -> !s.passed()).map(s -> String.valueOf(s.failure())).collect(Collectors.toList());
    }

    private static Catch catches(Quirk quirk, int caseNumber, String message) {
        return new Catch(quirk, caseNumber, message, Set.of(), "");
    }
}
