package io.chargecheck.certification;

import io.chargecheck.ocpp.Action.Profile;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a case asks of the station it runs on, from the tags of its scenario: the feature profile it
 * tests, whether it is for a station without that profile, and the facts of the charger a case of
 * the OCA's plan comes in variants for (a fixed cable or a socket, backup power or not, a lock
 * failure the person can provoke). On the simulator they say how to build the station; at a live
 * charger they say whether the case applies.
 */
public record CaseNeeds(Set<String> tags) {

    /** The feature profile tags of the OCA's plan, and the profile of SupportedFeatureProfiles each is part of. */
    static final Map<String, Profile> PROFILES = Map.of(
            "@core", Profile.Core,
            "@data-transfer", Profile.Core,
            "@firmware", Profile.FirmwareManagement,
            "@diagnostics", Profile.FirmwareManagement,
            "@local-auth-list", Profile.LocalAuthListManagement,
            "@reservation", Profile.Reservation,
            "@remote-trigger", Profile.RemoteTrigger,
            "@smart-charging", Profile.SmartCharging);

    /** A bench fact a case is for: the tag that asks for it, the tag that asks for its opposite, its setting. */
    public enum Fact {
        FIXED_CABLE("@fixed-cable", "@detachable-cable", "fixedCable", "the charger has a fixed cable"),
        BACKUP_POWER("@backup-power", "@no-backup-power", "backupPower", "the charger has backup power to stop its "
                + "transactions when the power fails"),
        LOCK_FAILURE("@lock-failure", null, "lockFailure", "a failure to lock the connector can be provoked at the bench"),
        UNLOCK_FAILURE("@unlock-failure", null, "unlockFailure", "a failure to unlock the connector can be provoked at "
                + "the bench");

        private final String tag;
        private final String oppositeTag;
        private final String setting;
        private final String meaning;

        Fact(String tag, String oppositeTag, String setting, String meaning) {
            this.tag = tag;
            this.oppositeTag = oppositeTag;
            this.setting = setting;
            this.meaning = meaning;
        }

        /** The setting's name under chargecheck.octt. */
        public String setting() {
            return setting;
        }

        public String meaning() {
            return meaning;
        }
    }

    public CaseNeeds {
        tags = Set.copyOf(tags);
    }

    public static CaseNeeds of(Collection<String> tags) {
        return new CaseNeeds(Set.copyOf(tags));
    }

    public boolean isOcttCase() {
        return tags.contains("@octt");
    }

    /** The feature profile the case tests, if it is a case of the OCA's plan. */
    public Optional<Profile> profile() {
        return tags.stream().map(PROFILES::get).filter(java.util.Objects::nonNull).findFirst();
    }

    /** A case of how a station without the profile answers (TC_043_1_CS, TC_048_4_CS, TC_050_4_CS). */
    public boolean profileNotSupported() {
        return tags.contains("@profile-not-supported");
    }

    /**
     * A case for a station with the profile or without it (TC_042_1_CS: a local list that is
     * switched off or not there at all): the profile does not decide whether it applies.
     */
    public boolean withOrWithoutProfile() {
        return tags.contains("@with-or-without-profile");
    }

    /** Whether the case needs the fact to be true, false, or does not care. */
    public Optional<Boolean> fact(Fact fact) {
        if (tags.contains(fact.tag)) {
            return Optional.of(true);
        }
        return fact.oppositeTag != null && tags.contains(fact.oppositeTag) ? Optional.of(false) : Optional.empty();
    }

    /** A case of the OCPP 1.6 security extension (section 2.24 of the OCA's plan). */
    public boolean isSecurityCase() {
        return tags.contains("@security");
    }

    /**
     * The security profiles a case of the security extension is for ({@code @security-profile-2}
     * and so on; several: any of them), empty when it does not say.
     */
    public java.util.SortedSet<Integer> securityProfiles() {
        java.util.SortedSet<Integer> profiles = new java.util.TreeSet<>();
        for (int profile = 0; profile <= 3; profile++) {
            if (tags.contains("@security-profile-" + profile)) {
                profiles.add(profile);
            }
        }
        return profiles;
    }

    /** The profile a station is built with for the case on the simulator: the lowest it is for. */
    public Optional<Integer> lowestSecurityProfile() {
        java.util.SortedSet<Integer> profiles = securityProfiles();
        return profiles.isEmpty() ? Optional.empty() : Optional.of(profiles.first());
    }

    /** ReserveConnectorZeroSupported: a reservation of the charge point as a whole. */
    public boolean reservesConnectorZero() {
        return tags.contains("@reserve-connector-zero");
    }
}
