package io.chargecheck.report;

import java.time.Instant;
import java.util.List;

/**
 * What the run did for one case: its time window (first scenario started to last one finished,
 * or to the moment of the report while one still runs) and how each scenario ended.
 */
record CaseRun(Instant start, Instant end, List<ScenarioOutcome> outcomes, List<String> unfinished,
               List<String> observations) {

    CaseRun {
        outcomes = List.copyOf(outcomes);
        unfinished = List.copyOf(unfinished);
        observations = List.copyOf(observations);
    }
}
