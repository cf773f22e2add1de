package io.chargecheck.report;

import io.chargecheck.report.TraceEntry.Frame;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One row of the test script's table and the section it opens onto. */
record CaseRow(ScriptCase script, CaseResult result, String violations, SequenceChart chart, boolean ran) {

    static CaseRow of(ScriptCase script, CaseRun run, boolean runCompleted, String stopReason, OcppTrace trace) {
        CaseResult result = CaseResult.of(run, runCompleted, stopReason);
        if (run == null) {
            return new CaseRow(script, result, "", new SequenceChart(List.of()), false);
        }
        List<TraceEntry> window = run.window(trace);
        return new CaseRow(script, result, violations(window), SequenceChart.of(window, run.start()), true);
    }

    /**
     * "1 protocol violation: ..." for the frames in the case's window that broke the protocol; a
     * problem a charger repeats on every frame is named once, with how often.
     */
    static String violations(List<TraceEntry> window) {
        List<String> problems = window.stream()
                .filter(e -> e instanceof Frame frame && frame.brokeProtocol())
                .map(e -> ((Frame) e).problem().strip())
                .toList();
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

    int number() {
        return script.number();
    }

    String anchor() {
        return "case-" + script.number();
    }

    String violationSuffix() {
        return violations.isEmpty() ? "" : result.separator() + violations;
    }
}
