package io.chargecheck.report;

import java.util.List;

/**
 * One case of a test plan, as its feature file describes it: for the platform's script a number
 * ("4") and its Function, for the OCA's plan an id ("TC_001_CS") and its name.
 *
 * @param group the OCA case's feature profile (its tag, "reservation"); "" for the platform's script
 */
record ScriptCase(String id, String function, String group, List<String> criteria) {

    ScriptCase {
        criteria = List.copyOf(criteria);
    }

    /** Stands in for a case of the script that has no feature file, so that its row is not lost. */
    static ScriptCase withoutFeature(String id, String function, String group) {
        return new ScriptCase(id, function, group, List.of());
    }
}
