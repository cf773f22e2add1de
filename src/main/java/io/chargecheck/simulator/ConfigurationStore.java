package io.chargecheck.simulator;

import io.chargecheck.ocpp.PayloadValidator;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.Measurand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The station's configuration keys (OCPP 1.6 section 9): the Core keys and those of the profiles
 * the simulator announces, each with its read-only flag, its type and its value check. Pure
 * state: what a change does to the station's behaviour is the simulator's business.
 */
final class ConfigurationStore {

    static final String ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID = "AllowOfflineTxForUnknownId";
    static final String AUTHORIZATION_CACHE_ENABLED = "AuthorizationCacheEnabled";
    static final String AUTHORIZE_REMOTE_TX_REQUESTS = "AuthorizeRemoteTxRequests";
    static final String CONNECTION_TIME_OUT = "ConnectionTimeOut";
    static final String HEARTBEAT_INTERVAL = "HeartbeatInterval";
    static final String LOCAL_AUTHORIZE_OFFLINE = "LocalAuthorizeOffline";
    static final String LOCAL_PRE_AUTHORIZE = "LocalPreAuthorize";
    static final String METER_VALUES_SAMPLED_DATA = "MeterValuesSampledData";
    static final String METER_VALUE_SAMPLE_INTERVAL = "MeterValueSampleInterval";
    static final String STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT = "StopTransactionOnEVSideDisconnect";
    static final String STOP_TRANSACTION_ON_INVALID_ID = "StopTransactionOnInvalidId";
    static final String STOP_TXN_SAMPLED_DATA = "StopTxnSampledData";
    static final String LOCAL_AUTH_LIST_ENABLED = "LocalAuthListEnabled";
    static final String LOCAL_AUTH_LIST_MAX_LENGTH = "LocalAuthListMaxLength";
    static final String SEND_LOCAL_LIST_MAX_LENGTH = "SendLocalListMaxLength";
    static final String WEB_SOCKET_PING_INTERVAL = "WebSocketPingInterval";
    static final String CLOCK_ALIGNED_DATA_INTERVAL = "ClockAlignedDataInterval";
    static final String METER_VALUES_ALIGNED_DATA = "MeterValuesAlignedData";
    static final String STOP_TXN_ALIGNED_DATA = "StopTxnAlignedData";
    static final String MINIMUM_STATUS_DURATION = "MinimumStatusDuration";
    static final String MAX_ENERGY_ON_INVALID_ID = "MaxEnergyOnInvalidId";
    static final String GET_CONFIGURATION_MAX_KEYS = "GetConfigurationMaxKeys";
    static final String SUPPORTED_FEATURE_PROFILES = "SupportedFeatureProfiles";
    static final String RESERVE_CONNECTOR_ZERO_SUPPORTED = "ReserveConnectorZeroSupported";
    static final String UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT = "UnlockConnectorOnEVSideDisconnect";

    /** The keys {@link Variant#REBOOT_REQUIRED_KEYS} changes only at the next boot. */
    static final List<String> REBOOT_REQUIRED_KEYS = List.of(METER_VALUES_SAMPLED_DATA, METER_VALUE_SAMPLE_INTERVAL,
            WEB_SOCKET_PING_INTERVAL, CLOCK_ALIGNED_DATA_INTERVAL, STOP_TXN_SAMPLED_DATA, "LightIntensity");

    static final String SUPPORTED_PROFILES = "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,"
            + "RemoteTrigger";
    /** The keys of the Smart Charging profile, which a station without it does not have. */
    static final List<String> SMART_CHARGING_KEYS = List.of(ChargingProfiles.MAX_STACK_LEVEL,
            ChargingProfiles.ALLOWED_RATE_UNITS, ChargingProfiles.MAX_PERIODS, ChargingProfiles.MAX_PROFILES);

    private static final Pattern PHASE_ROTATION = Pattern.compile("(\\d+)\\.(NotApplicable|Unknown|RST|RTS|SRT|STR|TRS|TSR)");
    private static final Map<String, Measurand> MEASURANDS = Arrays.stream(Measurand.values())
            .collect(Collectors.toUnmodifiableMap(PayloadValidator::wireName, Function.identity()));

    enum Type { BOOLEAN, INTEGER, MEASURANDS, PHASE_ROTATION, TEXT }

    /**
     * One key. {@code maxItemsKey} names the key holding the longest list a CSL key takes;
     * {@code rebootRequired}: a new value takes effect after the next reboot.
     */
    record Definition(String name, boolean readOnly, Type type, String maxItemsKey, boolean rebootRequired) {
    }

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> values = new LinkedHashMap<>();
    /** New values of reboot-required keys, in force from the next boot. */
    private final Map<String, String> pending = new LinkedHashMap<>();
    private final int connectors;

    ConfigurationStore(int connectors) {
        this.connectors = connectors;
        String rotation = IntStream.rangeClosed(0, connectors).mapToObj(c -> c + ".RST").collect(Collectors.joining(","));
        // Core profile, in the order of the specification
        define(ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID, false, Type.BOOLEAN, "false");
        define(AUTHORIZATION_CACHE_ENABLED, false, Type.BOOLEAN, "true");
        define(AUTHORIZE_REMOTE_TX_REQUESTS, false, Type.BOOLEAN, "false");
        define("BlinkRepeat", false, Type.INTEGER, "3");
        define(CLOCK_ALIGNED_DATA_INTERVAL, false, Type.INTEGER, "0");
        define(CONNECTION_TIME_OUT, false, Type.INTEGER, "60");
        define("ConnectorPhaseRotation", false, Type.PHASE_ROTATION, rotation, "ConnectorPhaseRotationMaxLength", false);
        define("ConnectorPhaseRotationMaxLength", true, Type.INTEGER, String.valueOf(connectors + 1));
        define(GET_CONFIGURATION_MAX_KEYS, true, Type.INTEGER, "50");
        define(HEARTBEAT_INTERVAL, false, Type.INTEGER, "300");
        define("LightIntensity", false, Type.INTEGER, "100");
        define(LOCAL_AUTHORIZE_OFFLINE, false, Type.BOOLEAN, "true");
        define(LOCAL_PRE_AUTHORIZE, false, Type.BOOLEAN, "false");
        define(MAX_ENERGY_ON_INVALID_ID, false, Type.INTEGER, "0");
        define(METER_VALUES_ALIGNED_DATA, false, Type.MEASURANDS, "Energy.Active.Import.Register", "MeterValuesAlignedDataMaxLength", false);
        define("MeterValuesAlignedDataMaxLength", true, Type.INTEGER, "8");
        define(METER_VALUES_SAMPLED_DATA, false, Type.MEASURANDS, "Energy.Active.Import.Register", "MeterValuesSampledDataMaxLength", false);
        define("MeterValuesSampledDataMaxLength", true, Type.INTEGER, "8");
        define(METER_VALUE_SAMPLE_INTERVAL, false, Type.INTEGER, "60");
        define(MINIMUM_STATUS_DURATION, false, Type.INTEGER, "0");
        define("NumberOfConnectors", true, Type.INTEGER, String.valueOf(connectors));
        define("ResetRetries", false, Type.INTEGER, "1");
        define(STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT, false, Type.BOOLEAN, "true");
        define(STOP_TRANSACTION_ON_INVALID_ID, false, Type.BOOLEAN, "true");
        define(STOP_TXN_ALIGNED_DATA, false, Type.MEASURANDS, "", "StopTxnAlignedDataMaxLength", false);
        define("StopTxnAlignedDataMaxLength", true, Type.INTEGER, "8");
        define(STOP_TXN_SAMPLED_DATA, false, Type.MEASURANDS, "Energy.Active.Import.Register", "StopTxnSampledDataMaxLength", false);
        define("StopTxnSampledDataMaxLength", true, Type.INTEGER, "8");
        define(SUPPORTED_FEATURE_PROFILES, true, Type.TEXT, SUPPORTED_PROFILES);
        define("SupportedFeatureProfilesMaxLength", true, Type.INTEGER, "6");
        define("TransactionMessageAttempts", false, Type.INTEGER, "3");
        define("TransactionMessageRetryInterval", false, Type.INTEGER, "60");
        define(UNLOCK_CONNECTOR_ON_EV_SIDE_DISCONNECT, false, Type.BOOLEAN, "true");
        define(WEB_SOCKET_PING_INTERVAL, false, Type.INTEGER, "60", null, true);
        // Local Auth List Management profile
        define(LOCAL_AUTH_LIST_ENABLED, false, Type.BOOLEAN, "true");
        define(LOCAL_AUTH_LIST_MAX_LENGTH, true, Type.INTEGER, "100");
        define(SEND_LOCAL_LIST_MAX_LENGTH, true, Type.INTEGER, "20");
        // Reservation profile
        define(RESERVE_CONNECTOR_ZERO_SUPPORTED, true, Type.BOOLEAN, "false");
        // Smart Charging profile
        define(ChargingProfiles.MAX_STACK_LEVEL, true, Type.INTEGER, "8");
        define(ChargingProfiles.ALLOWED_RATE_UNITS, true, Type.TEXT, "Current,Power");
        define(ChargingProfiles.MAX_PERIODS, true, Type.INTEGER, "24");
        define(ChargingProfiles.MAX_PROFILES, true, Type.INTEGER, "16");
    }

    private void define(String name, boolean readOnly, Type type, String value) {
        define(name, readOnly, type, value, null, false);
    }

    private void define(String name, boolean readOnly, Type type, String value, String maxItemsKey, boolean rebootRequired) {
        definitions.put(name, new Definition(name, readOnly, type, maxItemsKey, rebootRequired));
        defaults.put(name, value);
        values.put(name, value);
    }

    /** The station has no such key (a variant of a real charger): listed nowhere, NotSupported to change. */
    void remove(String key) {
        definitions.remove(key);
        defaults.remove(key);
        values.remove(key);
        pending.remove(key);
    }

    /** A value the station's make decides (a read-only key such as SupportedFeatureProfiles). */
    void fact(String key, String value) {
        require(key);
        defaults.put(key, value);
        values.put(key, value);
    }

    /** From now on a new value of these keys waits for the next boot (answered RebootRequired). */
    void requireReboot(List<String> keys) {
        for (String key : keys) {
            Definition d = definitions.get(key);
            if (d != null) {
                definitions.put(key, new Definition(d.name(), d.readOnly(), d.type(), d.maxItemsKey(), true));
            }
        }
    }

    /** At boot: the values that waited for it take effect. */
    void applyPending() {
        values.putAll(pending);
        pending.clear();
    }

    boolean isKnown(String key) {
        return definitions.containsKey(key);
    }

    Optional<Definition> definition(String key) {
        return Optional.ofNullable(definitions.get(key));
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    int intValue(String key) {
        return Integer.parseInt(require(key));
    }

    boolean booleanValue(String key) {
        return Boolean.parseBoolean(require(key));
    }

    /** A boolean key that a station may not have: {@code ifAbsent} when it has not. */
    boolean booleanValue(String key, boolean ifAbsent) {
        String value = values.get(key);
        return value == null ? ifAbsent : Boolean.parseBoolean(value);
    }

    List<Measurand> measurands(String key) {
        return split(require(key)).stream().map(MEASURANDS::get).toList();
    }

    /** Every key, in the specification's order. */
    List<KeyValue> all() {
        return definitions.values().stream().map(this::keyValue).toList();
    }

    KeyValue keyValue(String key) {
        return keyValue(definitions.get(key));
    }

    private KeyValue keyValue(Definition definition) {
        return new KeyValue(definition.name(), definition.readOnly(), values.get(definition.name()));
    }

    /**
     * ChangeConfiguration as the specification wants it: NotSupported for a key the station does
     * not have, Rejected for a read-only key or a value that fails its check, RebootRequired when
     * the new value waits for a reboot (kept until then), else Accepted (in force at once).
     */
    ConfigurationStatus change(String key, String value) {
        Definition definition = definitions.get(key);
        if (definition == null) {
            return ConfigurationStatus.NotSupported;
        }
        if (definition.readOnly()) {
            return ConfigurationStatus.Rejected;
        }
        Optional<String> normalized = check(definition, value);
        if (normalized.isEmpty()) {
            return ConfigurationStatus.Rejected;
        }
        if (!definition.rebootRequired() || normalized.get().equals(values.get(key))) {
            values.put(key, normalized.get());
            pending.remove(key);
            return ConfigurationStatus.Accepted;
        }
        pending.put(key, normalized.get());
        return ConfigurationStatus.RebootRequired;
    }

    /** Sets an initial value from the simulator's configuration, in force at once; a value a central system could not set is refused. */
    void preset(String key, String value) {
        ConfigurationStatus status = change(key, value);
        if (status == ConfigurationStatus.NotSupported || status == ConfigurationStatus.Rejected) {
            throw new IllegalArgumentException("configuration key " + key + " cannot be set to '" + value + "': " + status);
        }
        applyPending();
    }

    /** The keys whose value differs from the default after the next boot, to survive a restart. */
    Map<String, String> changed() {
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, String> afterBoot = new LinkedHashMap<>(values);
        afterBoot.putAll(pending);
        afterBoot.forEach((key, value) -> {
            if (!value.equals(defaults.get(key))) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** Puts back values saved by {@link #changed()}; keys or values no longer valid are skipped. */
    void restore(Map<String, String> saved) {
        saved.forEach((key, value) -> {
            Definition definition = definitions.get(key);
            if (definition != null && !definition.readOnly()) {
                check(definition, value).ifPresent(v -> values.put(key, v));
            }
        });
    }

    private Optional<String> check(Definition definition, String value) {
        String trimmed = value.trim();
        return switch (definition.type()) {
            case BOOLEAN -> trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")
                    ? Optional.of(trimmed.toLowerCase(Locale.ROOT)) : Optional.empty();
            case INTEGER -> checkInteger(trimmed);
            case MEASURANDS -> checkList(definition, trimmed, item -> Meter.SUPPORTED.contains(MEASURANDS.get(item)));
            case PHASE_ROTATION -> checkList(definition, trimmed, item -> {
                var matcher = PHASE_ROTATION.matcher(item);
                return matcher.matches() && Integer.parseInt(matcher.group(1)) <= connectors;
            });
            case TEXT -> Optional.of(value);
        };
    }

    private static Optional<String> checkInteger(String value) {
        try {
            int number = Integer.parseInt(value);
            return number >= 0 ? Optional.of(String.valueOf(number)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Optional<String> checkList(Definition definition, String value, java.util.function.Predicate<String> valid) {
        List<String> items = split(value);
        if (definition.maxItemsKey() != null && items.size() > intValue(definition.maxItemsKey())) {
            return Optional.empty();
        }
        if (!items.stream().allMatch(valid) || Set.copyOf(items).size() != items.size()) {
            return Optional.empty();
        }
        return Optional.of(String.join(",", items));
    }

    private static List<String> split(String csl) {
        List<String> items = new ArrayList<>();
        for (String item : csl.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    private String require(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no configuration key " + key);
        }
        return value;
    }
}
