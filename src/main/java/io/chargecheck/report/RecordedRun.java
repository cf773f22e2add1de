package io.chargecheck.report;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A consistent copy of everything the plugin has heard so far. {@code finished} is null when the
 * run is being reported before TestRunFinished, i.e. the JVM is going down.
 */
record RecordedRun(Instant started, Instant finished, Instant reportedAt, RunInfo runInfo,
                   Map<URI, String> sourcesRead, Map<String, CaseRun> cases, String stopReason) {

    RecordedRun {
        // in reading order, so that of two sources for one case the later wins, as it did in the run
        sourcesRead = Collections.unmodifiableMap(new LinkedHashMap<>(sourcesRead));
        cases = Map.copyOf(cases);
    }

    boolean completed() {
        return finished != null;
    }

    /** Every station a case of the run ran against. */
    java.util.Set<String> stations() {
        java.util.Set<String> stations = new java.util.TreeSet<>();
        cases.values().forEach(c -> stations.addAll(c.stations()));
        return stations;
    }
}
