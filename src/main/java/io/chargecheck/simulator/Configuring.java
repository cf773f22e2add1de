package io.chargecheck.simulator;

import io.chargecheck.ocpp.ErrorCode;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationRequest;
import io.chargecheck.ocpp.message.Core.ChangeConfigurationResponse;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.DataTransferRequest;
import io.chargecheck.ocpp.message.Core.DataTransferResponse;
import io.chargecheck.ocpp.message.Core.DataTransferStatus;
import io.chargecheck.ocpp.message.Core.GetConfigurationRequest;
import io.chargecheck.ocpp.message.Core.GetConfigurationResponse;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The configuration keys as the central system sees them (Core): GetConfiguration,
 * ChangeConfiguration and what a changed key changes at once; and DataTransfer, the vendor's
 * own door into the station.
 */
final class Configuring {

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final ConfigurationStore configuration;

    Configuring(Station station) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.configuration = station.configuration;
    }

    void register(RemoteCommands commands) {
        commands.on(GetConfigurationRequest.class, this::getConfiguration);
        commands.on(ChangeConfigurationRequest.class, this::changeConfiguration);
        commands.on(DataTransferRequest.class, this::dataTransfer);
    }

    private Answer getConfiguration(GetConfigurationRequest request) {
        List<String> keys = request.key();
        if (keys == null || keys.isEmpty()) {
            List<KeyValue> all = new ArrayList<>(configuration.all());
            all.addAll(station.security.keys());
            log.info("GetConfiguration: all {} keys", all.size());
            return Answer.of(new GetConfigurationResponse(all, null));
        }
        int maxKeys = configuration.intValue(ConfigurationStore.GET_CONFIGURATION_MAX_KEYS);
        if (keys.size() > maxKeys) {
            log.info("GetConfiguration of {} keys, more than GetConfigurationMaxKeys {}", keys.size(), maxKeys);
            return Answer.error(ErrorCode.OccurenceConstraintViolation, "GetConfiguration names " + keys.size()
                    + " keys; this station answers at most " + maxKeys + " (GetConfigurationMaxKeys)");
        }
        if (keys.size() > Quirk.TRUNCATED_KEY_LIST && station.has(Quirk.CONFIGURATION_KEY_LIST_TRUNCATED)) {
            log.info("answering the first {} of {} keys (quirk configuration-key-list-truncated)", Quirk.TRUNCATED_KEY_LIST,
                    keys.size());
            keys = keys.subList(0, Quirk.TRUNCATED_KEY_LIST);
        }
        List<KeyValue> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String key : keys) {
            if (configuration.isKnown(key)) {
                known.add(configuration.keyValue(key));
            } else if (station.security.knows(key)) {
                known.add(station.security.keyValue(key));
            } else {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty() && station.has(Quirk.UNKNOWN_KEY_NOT_REPORTED)) {
            log.info("unknown key(s) {} left out (quirk unknown-key-not-reported)", unknown);
            unknown.clear();
        }
        log.info("GetConfiguration {}: {} known, unknown {}", keys, known.size(), unknown);
        return Answer.of(new GetConfigurationResponse(known.isEmpty() ? null : known, unknown.isEmpty() ? null : unknown));
    }

    private Answer changeConfiguration(ChangeConfigurationRequest request) {
        String key = request.key();
        String value = request.value();
        ConfigurationStatus status;
        String why = "";
        if (station.has(Quirk.REJECT_CHANGE_CONFIGURATION)) {
            status = ConfigurationStatus.Rejected;
            why = " (quirk reject-change-configuration)";
        } else if (station.security.knows(key)) {
            return station.security.change(key, value);
        } else if (station.has(Quirk.KEY_NOT_SUPPORTED) && key.equals(ConfigurationStore.CONNECTION_TIME_OUT)) {
            status = ConfigurationStatus.NotSupported;
            why = " (quirk key-not-supported)";
        } else if (station.has(Quirk.REJECT_MEASURAND) && key.equals(ConfigurationStore.METER_VALUES_SAMPLED_DATA)
                && Arrays.stream(value.split(",")).map(String::trim).anyMatch("Voltage"::equals)) {
            status = ConfigurationStatus.Rejected;
            why = " (quirk reject-measurand)";
        } else if (station.has(Quirk.CONFIGURATION_REFUSED_WHILE_PENDING)
                && station.boot.registration() == RegistrationStatus.Pending) {
            status = ConfigurationStatus.Rejected;
            why = " (quirk configuration-refused-while-pending)";
        } else if (station.has(Quirk.CHANGED_VALUE_NOT_STORED) && configuration.isKnown(key)) {
            status = ConfigurationStatus.Accepted;
            why = " but not stored (quirk changed-value-not-stored)";
            log.info("ChangeConfiguration {} = '{}': {}{}", key, value, status, why);
            return Answer.of(new ChangeConfigurationResponse(status));
        } else {
            status = configuration.change(key, value);
            if (status == ConfigurationStatus.NotSupported && station.has(Quirk.UNKNOWN_KEY_REJECTED)) {
                status = ConfigurationStatus.Rejected;
                why = " (quirk unknown-key-rejected)";
            } else if (status == ConfigurationStatus.Rejected && station.has(Quirk.INVALID_VALUE_ACCEPTED)
                    && configuration.definition(key).filter(d -> !d.readOnly()).isPresent()) {
                log.info("ChangeConfiguration {} = '{}': Accepted, not stored (quirk invalid-value-accepted)", key, value);
                return Answer.of(new ChangeConfigurationResponse(ConfigurationStatus.Accepted));
            }
        }
        log.info("ChangeConfiguration {} = '{}': {}{}", key, value, status, why);
        if (status != ConfigurationStatus.Accepted && status != ConfigurationStatus.RebootRequired) {
            return Answer.of(new ChangeConfigurationResponse(status));
        }
        station.saveStation();
        return Answer.of(new ChangeConfigurationResponse(status), () -> changed(key));
    }

    /** The keys whose new value changes a running behaviour at once; the others are read where they are used. */
    private void changed(String key) {
        switch (key) {
            case ConfigurationStore.HEARTBEAT_INTERVAL -> station.boot.heartbeatIntervalChanged();
            case ConfigurationStore.METER_VALUE_SAMPLE_INTERVAL -> station.metering.sampleIntervalChanged();
            case ConfigurationStore.CLOCK_ALIGNED_DATA_INTERVAL -> station.metering.alignClock();
            default -> {
                // read when next needed
            }
        }
    }

    private Answer dataTransfer(DataTransferRequest request) {
        if (station.has(Quirk.DATA_TRANSFER_CALL_ERROR)) {
            return Answer.error(ErrorCode.NotImplemented, "DataTransfer is not implemented (quirk data-transfer-call-error)");
        }
        if (!request.vendorId().equals(config.identity().vendor())) {
            return Answer.of(new DataTransferResponse(DataTransferStatus.UnknownVendorId, null));
        }
        if ("Echo".equals(request.messageId())) {
            return Answer.of(new DataTransferResponse(DataTransferStatus.Accepted, request.data()));
        }
        return Answer.of(new DataTransferResponse(DataTransferStatus.UnknownMessageId, null));
    }
}
