package io.chargecheck.report;

import io.chargecheck.report.CaseResult.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;

/** Everything the filled-in test script shows, ready for the template. */
record ReportModel(String title, StationIdentity identity, List<Fact> runFacts, List<String> notes,
                   List<CaseRow> cases, Conformance conformance) {

    static final String DEFAULT_PLATFORM = "GreenFlux Platform";
    static final String PLATFORM_PROPERTY = "chargecheck.platform";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    /** A labelled value of the report's header. */
    record Fact(String label, String value) {
    }

    /**
     * What the run found beyond the script's criteria: OCPP 1.6 requirements the station missed and
     * frames that broke the protocol, per case and outside any case.
     */
    record Conformance(int nonConformances, int protocolViolations, List<String> lines, boolean strict) {
        Conformance {
            lines = List.copyOf(lines);
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        String summary() {
            return nonConformances + (nonConformances == 1 ? " requirement of OCPP 1.6" : " requirements of OCPP 1.6")
                    + " not met and " + protocolViolations + (protocolViolations == 1 ? " protocol violation" : " protocol violations")
                    + (strict ? "; with chargecheck.strict these fail their case."
                    : "; they do not change the script's verdicts (chargecheck.strict=true makes them failures).");
        }
    }

    ReportModel {
        runFacts = List.copyOf(runFacts);
        notes = List.copyOf(notes);
        cases = List.copyOf(cases);
    }


    static ReportModel of(RecordedRun run, List<ScriptCase> script, OcppTrace trace, ZoneId zone) {
        return of(Plan.SCRIPT, run, script, trace, zone);
    }

    static ReportModel of(Plan plan, RecordedRun run, List<ScriptCase> script, OcppTrace trace, ZoneId zone) {
        RunInfo info = run.runInfo();
        String platform = Objects.requireNonNullElse(info.platform(),
                System.getProperty(PLATFORM_PROPERTY, DEFAULT_PLATFORM));
        Set<String> stations = new LinkedHashSet<>();
        run.cases().values().forEach(c -> stations.addAll(c.stations()));
        StationIdentity identity = StationIdentity.of(trace, stations).orElse(null);

        List<CaseRow> rows = script.stream()
                .map(c -> CaseRow.of(c, run.cases().get(c.id()), run.completed(), run.stopReason(), trace))
                .toList();
        String title = plan == Plan.SCRIPT ? "TestScript Charge Station connected with OCPP 1.6 to " + platform
                : "OCPP 1.6 charge station test cases of the Open Charge Alliance (OCTT), for " + platform;
        return new ReportModel(title, identity,
                runFacts(run, zone), notes(run, trace, identity), rows, conformance(run, rows, trace, stations));
    }

    private static Conformance conformance(RecordedRun run, List<CaseRow> rows, OcppTrace trace, Set<String> stations) {
        List<String> lines = new ArrayList<>();
        int findings = 0;
        int violations = 0;
        for (CaseRow row : rows) {
            findings += row.nonConformances().size();
            violations += row.protocolViolations().size();
            row.nonConformances().forEach(f -> lines.add("case " + row.number() + ": " + CaseRow.NOT_AS_OCPP_REQUIRES + f));
            if (!row.protocolViolations().isEmpty()) {
                lines.add("case " + row.number() + ": " + CaseRow.violations(row.protocolViolations()));
            }
        }
        Set<Long> inCases = new java.util.HashSet<>();
        run.cases().values().forEach(c -> c.window(trace).forEach(e -> inCases.add(e.seq())));
        List<String> outside = CaseRow.problems(trace.entries().stream()
                .filter(e -> !inCases.contains(e.seq()) && (stations.isEmpty() || stations.contains(e.station())))
                .toList());
        if (!outside.isEmpty()) {
            violations += outside.size();
            lines.add("outside the cases (before the first, between cases, after the last): " + CaseRow.violations(outside));
        }
        return new Conformance(findings, violations, lines, run.runInfo().strict());
    }

    private static List<Fact> runFacts(RecordedRun run, ZoneId zone) {
        RunInfo info = run.runInfo();
        Instant start = Objects.requireNonNullElse(run.started(), run.reportedAt());
        Instant end = run.completed() ? run.finished() : run.reportedAt();
        String duration = duration(Duration.between(start, end)) + (run.completed() ? "" : " (stopped early)");
        return List.of(
                new Fact("Run date", DATE.format(start.atZone(zone))),
                new Fact("Duration", duration),
                new Fact("Station URL", orNotGiven(info.stationUrl())),
                new Fact("Station under test", orNotGiven(info.station())),
                new Fact("Suite version", orNotGiven(info.suiteVersion() != null ? info.suiteVersion()
                        : TestScriptReportPlugin.class.getPackage().getImplementationVersion())));
    }

    private static List<String> notes(RecordedRun run, OcppTrace trace, StationIdentity identity) {
        List<String> notes = new ArrayList<>();
        if (!run.completed()) {
            notes.add("The run was stopped before it finished: this document shows what ran until then.");
        }
        if (run.stopReason() != null) {
            notes.add("The run stopped: " + run.stopReason());
        }
        notes.addAll(trace.readingNotes());
        if (identity == null && !trace.entries().isEmpty()) {
            notes.add("The trace holds no BootNotification: the charger's identity is unknown.");
        }
        return notes;
    }

    private static String orNotGiven(String value) {
        return value == null ? "not given" : value;
    }

    static String duration(Duration d) {
        long seconds = d.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    boolean hasNotes() {
        return !notes.isEmpty();
    }

    long okCount() {
        return count(Verdict.OK);
    }

    long failedCount() {
        return count(Verdict.FAILED);
    }

    long notTestedCount() {
        return count(Verdict.NOT_TESTED);
    }

    long notApplicableCount() {
        return count(Verdict.NOT_APPLICABLE);
    }

    /** One line of the OCA plan's summary: the verdicts of one feature profile's cases. */
    record ProfileTally(String profile, long ok, long failed, long notApplicable, long notTested) {
    }

    /** The verdicts per feature profile, in the order the plan first names each profile. */
    List<ProfileTally> profiles() {
        Map<String, List<CaseRow>> byProfile = new LinkedHashMap<>();
        cases.forEach(row -> byProfile.computeIfAbsent(row.script().group(), g -> new ArrayList<>()).add(row));
        return byProfile.entrySet().stream().filter(e -> !e.getKey().isEmpty())
                .map(e -> new ProfileTally(e.getKey(), count(e.getValue(), Verdict.OK), count(e.getValue(), Verdict.FAILED),
                        count(e.getValue(), Verdict.NOT_APPLICABLE), count(e.getValue(), Verdict.NOT_TESTED)))
                .toList();
    }

    private static long count(List<CaseRow> rows, Verdict verdict) {
        return rows.stream().filter(c -> c.result().verdict() == verdict).count();
    }

    private long count(Verdict verdict) {
        return cases.stream().filter(c -> c.result().verdict() == verdict).count();
    }
}
