package io.chargecheck.report;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the run did for one case: its time window (first scenario started to last one finished,
 * or to the moment of the report while one still runs) and how each scenario ended.
 */
record CaseRun(Instant start, Instant end, List<ScenarioOutcome> outcomes, List<String> unfinished,
               List<String> observations, List<String> nonConformances, Set<String> stations) {

    CaseRun {
        outcomes = List.copyOf(outcomes);
        unfinished = List.copyOf(unfinished);
        observations = List.copyOf(observations);
        nonConformances = List.copyOf(nonConformances);
        stations = Set.copyOf(stations);
    }

    /** The case's traffic: the frames of its own stations in its time window (all of them when it named none). */
    List<TraceEntry> window(OcppTrace trace) {
        return trace.between(start, end).stream().filter(e -> stations.isEmpty() || stations.contains(e.station())).toList();
    }
}
