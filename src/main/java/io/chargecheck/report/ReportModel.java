package io.chargecheck.report;

import io.chargecheck.report.CaseResult.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;

/** Everything the filled-in test script shows, ready for the template. */
record ReportModel(String title, StationIdentity identity, List<Fact> runFacts, List<String> notes,
                   List<CaseRow> cases) {

    static final String DEFAULT_PLATFORM = "GreenFlux Platform";
    static final String PLATFORM_PROPERTY = "chargecheck.platform";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

    /** A labelled value of the report's header. */
    record Fact(String label, String value) {
    }

    ReportModel {
        runFacts = List.copyOf(runFacts);
        notes = List.copyOf(notes);
        cases = List.copyOf(cases);
    }

    static ReportModel of(RecordedRun run, List<ScriptCase> script, OcppTrace trace, ZoneId zone) {
        RunInfo info = run.runInfo();
        String platform = Objects.requireNonNullElse(info.platform(),
                System.getProperty(PLATFORM_PROPERTY, DEFAULT_PLATFORM));
        Set<String> stations = new LinkedHashSet<>();
        run.cases().values().forEach(c -> stations.addAll(c.stations()));
        StationIdentity identity = StationIdentity.of(trace, stations).orElse(null);

        List<CaseRow> rows = script.stream()
                .map(c -> CaseRow.of(c, run.cases().get(c.number()), run.completed(), run.stopReason(), trace))
                .toList();
        return new ReportModel("TestScript Charge Station connected with OCPP 1.6 to " + platform, identity,
                runFacts(run, zone), notes(run, trace, identity), rows);
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

    private long count(Verdict verdict) {
        return cases.stream().filter(c -> c.result().verdict() == verdict).count();
    }
}
