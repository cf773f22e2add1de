package io.chargecheck.steps;

import io.cucumber.java.Scenario;

/** The short name of a scenario's case, for the id of the station it gets: "06" for case 6, "TC_001_CS" for an OCA case. */
final class ScenarioLabel {

    private ScenarioLabel() {
    }

    static String of(Scenario scenario) {
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@case-")) {
                return tag.substring("@case-".length());
            }
            if (tag.matches("@TC_\\w+_CS")) {
                return tag.substring(1);
            }
        }
        return "x";
    }
}
