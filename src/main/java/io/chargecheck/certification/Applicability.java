package io.chargecheck.certification;

import io.chargecheck.certification.CaseNeeds.Fact;
import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.message.Core.KeyValue;
import java.util.Arrays;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * Whether a case of the OCA's plan applies to the station, as the OCA decides it: a case of a
 * feature profile the station does not list in SupportedFeatureProfiles is not applicable, not
 * failed; so is a case for a charger the station is not (a fixed cable against a socket). A fact
 * of the bench the tester has not given leaves the case not tested, saying which setting to give.
 */
public final class Applicability {

    /** The Result of a case that does not apply starts with this. */
    public static final String NOT_APPLICABLE = "not applicable: ";

    private final Context context;

    public Applicability(Context context) {
        this.context = context;
    }

    /** Returns when the case applies; otherwise aborts it, saying why. */
    public void check(CaseNeeds needs) {
        needs.profile().filter(profile -> profile != Profile.Core && !needs.withOrWithoutProfile())
                .ifPresent(profile -> checkProfile(profile, needs));
        if (!context.station().driver().isSimulated()) {
            for (Fact fact : Fact.values()) {
                needs.fact(fact).ifPresent(wanted -> checkFact(fact, wanted));
            }
        }
        if (needs.isSecurityCase()) {
            checkSecurityProfile(needs);
        }
        if (needs.reservesConnectorZero() && !isTrue(context.platform().readKey("ReserveConnectorZeroSupported"))) {
            throw notApplicable("the case reserves the charge point as a whole, and ReserveConnectorZeroSupported is not "
                    + "true on the station");
        }
    }

    private void checkProfile(Profile profile, CaseNeeds needs) {
        String listed = context.platform().readKey("SupportedFeatureProfiles").map(KeyValue::value).orElse("");
        boolean supported = Arrays.stream(listed.split(",")).anyMatch(p -> p.strip().equalsIgnoreCase(profile.name()));
        if (needs.profileNotSupported() && supported) {
            throw notApplicable("the case is for a station without " + profile + ", and the station lists it in "
                    + "SupportedFeatureProfiles (" + listed + ")");
        }
        if (!needs.profileNotSupported() && !supported) {
            throw notApplicable("the station does not list " + profile + " in SupportedFeatureProfiles ("
                    + (listed.isBlank() ? "empty" : listed) + ")");
        }
    }

    /**
     * A case of the security extension applies to a station that implements it (it has the
     * SecurityProfile key) and is connected with a security profile the case is for.
     */
    private void checkSecurityProfile(CaseNeeds needs) {
        if (context.platform().readKey("SecurityProfile").isEmpty()) {
            throw notApplicable("the station has no SecurityProfile key: it does not implement the OCPP 1.6 security extension");
        }
        if (needs.securityProfiles().isEmpty()) {
            return;
        }
        int connectedWith = context.station().session().map(s -> s.connection().securityProfile().number())
                .orElseThrow(() -> new AssertionError("the station is not connected", null));
        if (!needs.securityProfiles().contains(connectedWith)) {
            throw notApplicable("the case is for a station on security profile " + needs.securityProfiles().stream()
                    .map(String::valueOf).collect(java.util.stream.Collectors.joining(" or ")) + "; it is connected with profile "
                    + connectedWith);
        }
    }

    private void checkFact(Fact fact, boolean wanted) {
        Optional<Boolean> known = context.settings().octtFact(fact.setting());
        if (known.isEmpty()) {
            throw new TestAbortedException("set chargecheck.octt." + fact.setting() + " to true or false (whether "
                    + fact.meaning() + "): this case is for a charger where that is " + wanted);
        }
        if (known.get() != wanted) {
            throw notApplicable("the case is for a charger where " + fact.meaning() + " is " + wanted
                    + "; chargecheck.octt." + fact.setting() + " is " + known.get());
        }
    }

    private static boolean isTrue(Optional<KeyValue> key) {
        return key.map(KeyValue::value).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }

    private static TestAbortedException notApplicable(String why) {
        return new TestAbortedException(NOT_APPLICABLE + why);
    }
}
