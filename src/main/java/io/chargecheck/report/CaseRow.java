package io.chargecheck.report;

import io.chargecheck.report.TraceEntry.Frame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of the test script's table and the section it opens onto.
 *
 * @param nonConformances what OCPP 1.6 requires beyond the case's criteria that the station missed
 * @param protocolViolations what was wrong with each frame of the case's stations that broke the protocol
 */
record CaseRow(ScriptCase script, CaseResult result, List<String> nonConformances, List<String> protocolViolations,
               SequenceChart chart, boolean ran) {

    static final String NOT_AS_OCPP_REQUIRES = "not as OCPP 1.6 requires: ";

    CaseRow {
        nonConformances = List.copyOf(nonConformances);
        protocolViolations = List.copyOf(protocolViolations);
    }

    static CaseRow of(ScriptCase script, CaseRun run, boolean runCompleted, String stopReason, OcppTrace trace) {
        CaseResult result = CaseResult.of(run, runCompleted, stopReason);
        if (run == null) {
            return new CaseRow(script, result, List.of(), List.of(), new SequenceChart(List.of()), false);
        }
        List<TraceEntry> window = run.window(trace);
        return new CaseRow(script, result, run.nonConformances(), problems(window), SequenceChart.of(window, run.start()),
                true);
    }

    static List<String> problems(List<TraceEntry> entries) {
        return entries.stream()
                .filter(e -> e instanceof Frame frame && frame.brokeProtocol())
                .map(e -> ((Frame) e).problem().strip())
                .toList();
    }

    /**
     * "1 protocol violation: ..." for frames that broke the protocol; a problem a charger repeats on
     * every frame is named once, with how often.
     */
    static String violations(List<String> problems) {
        if (problems.isEmpty()) {
            return "";
        }
        Map<String, Long> counted = problems.stream()
                .collect(Collectors.groupingBy(p -> p, LinkedHashMap::new, Collectors.counting()));
        String listed = counted.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " (×" + e.getValue() + ")")
                .collect(Collectors.joining("; "));
        return problems.size() + (problems.size() == 1 ? " protocol violation: " : " protocol violations: ") + listed;
    }

    /** The case's number (script) or id (the OCA's plan): what the first column shows. */
    String number() {
        return script.id();
    }

    String anchor() {
        return "case-" + script.id();
    }

    /** What the row says beyond the script's verdict: OCPP requirements the station misses, then protocol violations. */
    String violationSuffix() {
        List<String> remarks = new ArrayList<>();
        if (!nonConformances.isEmpty()) {
            remarks.add(NOT_AS_OCPP_REQUIRES + String.join("; ", nonConformances));
        }
        if (!protocolViolations.isEmpty()) {
            remarks.add(violations(protocolViolations));
        }
        // after observations a remark is a clause of its own: "ok, Configuration (47); not as OCPP 1.6 requires: ..."
        String separator = result instanceof CaseResult.Passed passed && !passed.observations().isEmpty() ? "; "
                : result.separator();
        return remarks.isEmpty() ? "" : separator + String.join("; ", remarks);
    }
}
