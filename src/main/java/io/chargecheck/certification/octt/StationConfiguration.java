package io.chargecheck.certification.octt;

import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.certification.Context;
import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.Untrusted;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * TC_019_CS and TC_021_CS: the configuration read back as the OCA reads it (the keys each
 * supported profile requires, with the access it requires, and as many keys in one request as
 * GetConfigurationMaxKeys allows), and a value set and read back.
 */
public final class StationConfiguration {

    /** How a required key may be accessed: read-only, writable, or either. */
    enum Access { R, RW, EITHER }

    /** The keys the OCA requires of each profile, with their access (its TC_019_CS; Reservation and RemoteTrigger have none). */
    static final Map<Profile, Map<String, Access>> REQUIRED = Map.of(
            Profile.Core, keys(
                    "AuthorizeRemoteTxRequests", Access.EITHER, "ClockAlignedDataInterval", Access.RW,
                    "ConnectionTimeOut", Access.RW, "ConnectorPhaseRotation", Access.RW,
                    "GetConfigurationMaxKeys", Access.R, "HeartbeatInterval", Access.RW,
                    "LocalAuthorizeOffline", Access.RW, "LocalPreAuthorize", Access.RW,
                    "MeterValuesAlignedData", Access.RW, "MeterValuesSampledData", Access.RW,
                    "MeterValueSampleInterval", Access.RW, "NumberOfConnectors", Access.R,
                    "ResetRetries", Access.RW, "StopTransactionOnInvalidId", Access.RW,
                    "StopTxnAlignedData", Access.RW, "StopTxnSampledData", Access.RW,
                    "SupportedFeatureProfiles", Access.R, "TransactionMessageAttempts", Access.RW,
                    "TransactionMessageRetryInterval", Access.RW, "UnlockConnectorOnEVSideDisconnect", Access.EITHER),
            Profile.LocalAuthListManagement, keys(
                    "LocalAuthListEnabled", Access.RW, "LocalAuthListMaxLength", Access.R, "SendLocalListMaxLength", Access.R),
            Profile.SmartCharging, keys(
                    "ChargeProfileMaxStackLevel", Access.R, "ChargingScheduleAllowedChargingRateUnit", Access.R,
                    "ChargingScheduleMaxPeriods", Access.R, "MaxChargingProfilesInstalled", Access.R));

    private static final String MAX_KEYS = "GetConfigurationMaxKeys";
    private static final String METER_INTERVAL = "MeterValueSampleInterval";

    private final Context context;
    private String valueSet;

    public StationConfiguration(Context context) {
        this.context = context;
    }

    /** The answer to the last GetConfiguration names every key it asked for, and none as unknown. */
    public void assertEveryKeyAskedForReturned() {
        List<String> asked = lastKeysAskedFor();
        GetConfigurationResponse answer = context.platform().lastAnswer(GetConfigurationResponse.class);
        List<String> unknown = answer.unknownKey() == null ? List.of() : answer.unknownKey();
        List<String> returned = answer.configurationKey() == null ? List.of()
                : answer.configurationKey().stream().map(KeyValue::key).toList();
        List<String> missing = asked.stream().filter(key -> returned.stream().noneMatch(key::equalsIgnoreCase)).toList();
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new AssertionError("expected GetConfiguration of " + asked.size() + (asked.size() == 1 ? " key" : " keys")
                    + " to return " + (asked.size() == 1 ? "it" : "every one") + ", with no unknown key; "
                    + (missing.isEmpty() ? "" : "not returned: " + missing.size() + " (" + shown(missing) + "); ")
                    + (unknown.isEmpty() ? "no unknown key" : "unknownKey: " + shown(unknown)), null);
        }
    }

    /** The keys of the last GetConfiguration the central system sent in this case. */
    private List<String> lastKeysAskedFor() {
        List<JournalEntry> entries = context.evidence().entries(context.scene().start);
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            Optional<GetConfigurationRequest> request = entry.direction() == JournalEntry.Direction.OUT
                    && "CALL".equals(entry.messageType()) ? entry.message(GetConfigurationRequest.class) : Optional.empty();
            if (request.isPresent()) {
                List<String> keys = request.get().key();
                if (keys == null || keys.isEmpty()) {
                    throw new IllegalStateException("the last GetConfiguration of the case asked for the whole configuration");
                }
                return keys;
            }
        }
        throw new IllegalStateException("the case has sent no GetConfiguration");
    }

    /** The whole configuration holds every key each supported profile requires, read-only or writable as it requires. */
    public void assertRequiredKeysOfTheSupportedProfiles() {
        Map<String, KeyValue> listed = context.scene().configuration;
        if (listed == null) {
            throw new IllegalStateException("the case reads the whole configuration first");
        }
        List<Profile> profiles = supportedProfiles(listed);
        List<String> missing = new ArrayList<>();
        List<String> wrongAccess = new ArrayList<>();
        for (Profile profile : profiles) {
            REQUIRED.getOrDefault(profile, Map.of()).forEach((name, access) -> {
                Optional<KeyValue> key = listed.values().stream().filter(k -> k.key().equalsIgnoreCase(name)).findFirst();
                if (key.isEmpty()) {
                    missing.add(name + " (" + profile + ")");
                } else if (access == Access.R && !Boolean.TRUE.equals(key.get().readonly())) {
                    wrongAccess.add(name + " is writable, OCPP 1.6 makes it read-only");
                } else if (access == Access.RW && Boolean.TRUE.equals(key.get().readonly())) {
                    wrongAccess.add(name + " is read-only, OCPP 1.6 makes it writable");
                }
            });
        }
        if (!missing.isEmpty() || !wrongAccess.isEmpty()) {
            throw new AssertionError("expected every key that " + profiles + " require, with the access they require; "
                    + (missing.isEmpty() ? "" : "missing: " + String.join(", ", missing) + (wrongAccess.isEmpty() ? "" : "; "))
                    + String.join("; ", wrongAccess), null);
        }
        context.observations().note("Configuration (" + listed.size() + "), the required keys of " + profiles);
    }

    private static List<Profile> supportedProfiles(Map<String, KeyValue> listed) {
        String value = listed.values().stream().filter(k -> k.key().equalsIgnoreCase("SupportedFeatureProfiles"))
                .map(KeyValue::value).filter(v -> v != null).findFirst().orElse("");
        List<Profile> profiles = new ArrayList<>(List.of(Profile.Core));
        Arrays.stream(value.split(",")).map(String::strip).forEach(name -> Arrays.stream(Profile.values())
                .filter(p -> p != Profile.Core && p.name().equalsIgnoreCase(name)).forEach(profiles::add));
        return profiles;
    }

    /**
     * One GetConfiguration naming the first keys of the whole list, as many as the
     * GetConfigurationMaxKeys the station just reported allows.
     */
    public void askForAsManyKeysAsAllowed() {
        Map<String, KeyValue> listed = context.scene().configuration;
        if (listed == null) {
            throw new IllegalStateException("the case reads the whole configuration first");
        }
        GetConfigurationResponse answer = context.platform().lastAnswer(GetConfigurationResponse.class);
        String maxKeys = answer.configurationKey() == null ? null : answer.configurationKey().stream()
                .filter(k -> k.key().equalsIgnoreCase(MAX_KEYS)).map(KeyValue::value).findFirst().orElse(null);
        int max;
        try {
            max = Integer.parseInt(String.valueOf(maxKeys).strip());
        } catch (NumberFormatException e) {
            throw new AssertionError("expected GetConfiguration of " + MAX_KEYS + " to return a whole number; it returned "
                    + (maxKeys == null ? "no value" : "'" + Untrusted.shown(maxKeys) + "'"), null);
        }
        List<String> keys = listed.keySet().stream().limit(Math.max(1, max)).toList();
        context.observations().note("GetConfigurationMaxKeys " + max + ": " + keys.size() + " keys asked for at once");
        context.platform().send(new GetConfigurationRequest(keys));
    }

    /** ChangeConfiguration of MeterValueSampleInterval to the test interval, or the next one when the station has it already. */
    public void setMeterValueSampleInterval() {
        int value = context.platform().differentFromCurrent(METER_INTERVAL, context.settings().testMeterInterval());
        valueSet = String.valueOf(value);
        context.platform().changeConfiguration(METER_INTERVAL, valueSet);
    }

    /**
     * Accepted, as the OCA's tool demands; RebootRequired passes with an observation, since OCPP 1.6
     * allows it for any key (the tester learns that the OCA's own tool would fail the case).
     */
    public void assertChangeAccepted() {
        ConfigurationStatus status = context.platform().lastAnswer(ChangeConfigurationResponse.class).status();
        if (status == ConfigurationStatus.RebootRequired) {
            context.observations().note("ChangeConfiguration of " + METER_INTERVAL + " answered RebootRequired: OCPP 1.6 "
                    + "allows it; the OCA's tool expects Accepted and would fail this case");
            context.scene().rebootRequired.add(METER_INTERVAL);
            return;
        }
        if (status != ConfigurationStatus.Accepted) {
            throw new AssertionError("expected ChangeConfiguration of " + METER_INTERVAL + " = " + valueSet
                    + " to be Accepted; it was answered " + status, null);
        }
    }

    /** The last GetConfiguration returned MeterValueSampleInterval with the value just set. */
    public void assertReportsTheValueSet() {
        GetConfigurationResponse answer = context.platform().lastAnswer(GetConfigurationResponse.class);
        if (!valueSet.equals(valueIn(answer)) && context.scene().rebootRequired.contains(METER_INTERVAL)) {
            // a change answered RebootRequired need only show after the reboot: apply it, then ask again
            new io.chargecheck.certification.Resets(context).applyRebootRequiredChanges();
            answer = context.platform().send(new GetConfigurationRequest(List.of(METER_INTERVAL)));
        }
        Optional<KeyValue> key = meterIntervalIn(answer);
        String value = valueIn(answer);
        if (!valueSet.equals(value)) {
            throw new AssertionError("expected GetConfiguration to return " + METER_INTERVAL + " = " + valueSet
                    + ", the value just set; it returned " + (key.isEmpty() ? "no such key"
                    : value == null ? "it without a value" : "'" + Untrusted.shown(value) + "'"), null);
        }
    }

    private static Optional<KeyValue> meterIntervalIn(GetConfigurationResponse answer) {
        return answer.configurationKey() == null ? Optional.empty() : answer.configurationKey().stream()
                .filter(k -> k.key().equalsIgnoreCase(METER_INTERVAL)).findFirst();
    }

    private static String valueIn(GetConfigurationResponse answer) {
        return meterIntervalIn(answer).map(KeyValue::value).map(String::strip).orElse(null);
    }

    /** Key names, some of them the station's own (the list it gave, its unknownKey), as a failure may show them. */
    private static String shown(List<String> names) {
        return Untrusted.shown(String.join(", ", names), Untrusted.EXCERPT * 5);
    }

    private static Map<String, Access> keys(Object... pairs) {
        Map<String, Access> keys = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            keys.put((String) pairs[i], (Access) pairs[i + 1]);
        }
        return keys;
    }
}
