package io.chargecheck.report;

import java.util.List;

/** One numbered case of the vendor test script, as its feature file describes it. */
record ScriptCase(int number, String function, List<String> criteria) {

    ScriptCase {
        criteria = List.copyOf(criteria);
    }

    /** Stands in for a case of the script that has no feature file, so that its row is not lost. */
    static ScriptCase withoutFeature(int number) {
        return new ScriptCase(number, "(no feature file for case " + number + ")", List.of());
    }
}
