package io.chargecheck.suite;

import java.util.Collection;

/**
 * Which case of which plan a scenario belongs to, from its tags: {@code @case-06} is case 6 of the
 * platform's script, {@code @TC_001_CS} an OCA case.
 */
public record CaseId(String plan, String id) implements Comparable<CaseId> {

    public static final String SCRIPT = "script";
    public static final String OCTT = "octt";
    static final CaseId NONE = new CaseId("", "?");

    public static CaseId script(int number) {
        return new CaseId(SCRIPT, String.format("%02d", number));
    }

    public static CaseId octt(String id) {
        return new CaseId(OCTT, id);
    }

    static CaseId of(Collection<String> tags) {
        for (String tag : tags) {
            if (tag.startsWith("@case-")) {
                return script(Integer.parseInt(tag.substring("@case-".length())));
            }
            if (tag.matches("@TC_\\w+_CS")) {
                return octt(tag.substring(1));
            }
        }
        return NONE;
    }

    /** The vendor script's case number; 0 for a case of another plan. */
    public int scriptNumber() {
        return plan.equals(SCRIPT) ? Integer.parseInt(id) : 0;
    }

    @Override
    public int compareTo(CaseId other) {
        int byPlan = plan.compareTo(other.plan);
        return byPlan != 0 ? byPlan : id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return plan.equals(SCRIPT) ? String.valueOf(scriptNumber()) : id;
    }
}
