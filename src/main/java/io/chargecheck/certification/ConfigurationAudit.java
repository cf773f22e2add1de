package io.chargecheck.certification;

import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.opentest4j.TestAbortedException;

/** Cases 4 and 5: reading the configuration, and changing every key that may be changed. */
public final class ConfigurationAudit {

    /** The Core keys OCPP 1.6 (section 9.1) marks as required of every charge point. */
    static final List<String> REQUIRED_CORE_KEYS = List.of(
            "AuthorizeRemoteTxRequests", "ClockAlignedDataInterval", "ConnectionTimeOut", "ConnectorPhaseRotation",
            "GetConfigurationMaxKeys", "HeartbeatInterval", "LocalAuthorizeOffline", "LocalPreAuthorize",
            "MeterValuesAlignedData", "MeterValuesSampledData", "MeterValueSampleInterval", "NumberOfConnectors",
            "ResetRetries", "StopTransactionOnEVSideDisconnect", "StopTransactionOnInvalidId", "StopTxnAlignedData",
            "StopTxnSampledData", "SupportedFeatureProfiles", "TransactionMessageAttempts",
            "TransactionMessageRetryInterval", "UnlockConnectorOnEVSideDisconnect");

    private final Context context;
    /** The answers to the last changes this audit made, by status. */
    private Map<ConfigurationStatus, List<String>> lastChanges = Map.of();

    public ConfigurationAudit(Context context) {
        this.context = context;
    }

    public void readAll() {
        context.platform().readConfiguration();
    }

    public void assertListed() {
        Map<String, KeyValue> keys = configuration();
        if (keys.isEmpty()) {
            throw new AssertionError("expected GetConfiguration to list the station's configuration keys; the list was empty",
                    null);
        }
        context.observations().note("Configuration (" + keys.size() + ")");
    }

    /** Beyond the script's criterion (the list itself): a required key missing is a non-conformance. */
    public void checkRequiredCoreKeysPresent() {
        List<String> missing = REQUIRED_CORE_KEYS.stream()
                .filter(required -> configuration().keySet().stream().noneMatch(required::equalsIgnoreCase)).toList();
        if (!missing.isEmpty()) {
            context.nonConformance((missing.size() == 1 ? "key " : "keys ") + String.join(", ", missing) + " missing");
        }
    }

    public void askFor(String key) {
        context.platform().send(new GetConfigurationRequest(List.of(key)));
    }

    public void assertUnknown(String key) {
        GetConfigurationResponse answer = context.platform().lastAnswer(GetConfigurationResponse.class);
        List<String> unknown = answer.unknownKey() == null ? List.of() : answer.unknownKey();
        if (unknown.stream().noneMatch(key::equalsIgnoreCase)) {
            throw new AssertionError("expected " + key + " in unknownKey; the answer listed unknownKey " + unknown
                    + " and configurationKey " + keyNames(answer.configurationKey()), null);
        }
    }

    /** Sets every writable key that has a readable value to that value, and sorts the answers. */
    public Map<ConfigurationStatus, List<String>> setEveryWritableKeyToItself() {
        Map<ConfigurationStatus, List<String>> answers = new EnumMap<>(ConfigurationStatus.class);
        List<KeyValue> writable = configuration().values().stream().filter(k -> !k.readonly() && k.value() != null).toList();
        for (KeyValue key : writable) {
            ConfigurationStatus status = context.platform().changeConfiguration(key.key(), key.value());
            answers.computeIfAbsent(status, s -> new ArrayList<>()).add(key.key());
        }
        context.scene().lastAnswer = null;
        lastChanges = answers;
        return answers;
    }

    public void assertEveryChangeAccepted() {
        List<String> refused = new ArrayList<>();
        for (ConfigurationStatus status : List.of(ConfigurationStatus.NotSupported, ConfigurationStatus.Rejected)) {
            lastChanges.getOrDefault(status, List.of()).forEach(key -> refused.add(key + " (" + status + ")"));
        }
        int accepted = lastChanges.getOrDefault(ConfigurationStatus.Accepted, List.of()).size();
        List<String> reboot = lastChanges.getOrDefault(ConfigurationStatus.RebootRequired, List.of());
        if (!refused.isEmpty()) {
            throw new AssertionError("expected Accepted for every writable key set to its own value; not accepted: "
                    + String.join(", ", refused) + " (" + accepted + " accepted)", null);
        }
        context.observations().note(accepted + " keys set");
        if (!reboot.isEmpty()) {
            context.observations().note("reboot required for " + String.join(", ", reboot));
        }
    }

    public void tryReadOnlyKey() {
        KeyValue readOnly = configuration().values().stream().filter(k -> k.readonly() && k.value() != null).findFirst()
                .orElseThrow(() -> new TestAbortedException("the station lists no read-only key with a value"));
        lastChanges = Map.of(context.platform().changeConfiguration(readOnly.key(), readOnly.value()), List.of(readOnly.key()));
    }

    public void assertRejected() {
        Map.Entry<ConfigurationStatus, List<String>> answer = lastChanges.entrySet().iterator().next();
        if (answer.getKey() != ConfigurationStatus.Rejected) {
            throw new AssertionError("expected Rejected for read-only key " + answer.getValue().get(0) + "; the station answered "
                    + answer.getKey(), null);
        }
    }

    private Map<String, KeyValue> configuration() {
        if (context.scene().configuration == null) {
            context.platform().readConfiguration();
        }
        return context.scene().configuration;
    }

    private static String keyNames(List<KeyValue> keys) {
        return keys == null ? "[]" : keys.stream().map(KeyValue::key).collect(Collectors.joining(", ", "[", "]"));
    }
}
