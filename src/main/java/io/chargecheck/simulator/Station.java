package io.chargecheck.simulator;

import io.chargecheck.ocpp.Action.Profile;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.Collectors;

/**
 * What the parts of one simulated charge point share: its configuration, log, event loop, flash
 * ({@link StateStore}), configuration keys, connectors and outbox, and the parts themselves, one
 * per feature profile's behaviour, so that each can hand over to another (a stop of a transaction
 * may let the firmware reboot, a boot reports every connector). Used on the event loop only.
 */
final class Station {

    final SimulatorConfig config;
    final Clock clock;
    final EventLog log;
    final EventLoop loop;
    final StateStore store;
    final ConfigurationStore configuration;
    final Authorization authorization = new Authorization();
    final Connector[] connectors;
    Outbox outbox;

    /** Counts the station's power-on periods: work begun in an earlier one is dropped. */
    private int session;

    // the parts, by feature profile
    Connection connection;
    Boot boot;
    Statuses statuses;
    Transactions transactions;
    RemoteTransactions remoteTransactions;
    Metering metering;
    Authorizing authorizing;
    Firmware firmware;
    Diagnostics diagnostics;
    Reservations reservations;
    ChargingProfiles chargingProfiles;
    Triggers triggers;
    Configuring configuring;
    Security security;
    CertificateStore certificates;
    SignedFirmware signedFirmware;
    RemoteCommands commands;

    Station(SimulatorConfig config, Clock clock, EventLog log, EventLoop loop, StateStore store) {
        this.config = config;
        this.clock = clock;
        this.log = log;
        this.loop = loop;
        this.store = store;
        this.configuration = new ConfigurationStore(config.connectors());
        keysOfThisStation();
        Instant now = now();
        this.connectors = new Connector[config.connectors() + 1];
        for (int id = 0; id <= config.connectors(); id++) {
            connectors[id] = new Connector(id, id == 0 ? null : new Meter(10_000.0 * id + 2_345, id, now));
        }
    }

    /** The configuration keys this station's profiles, facts and variants give it. */
    private void keysOfThisStation() {
        configuration.fact(ConfigurationStore.SUPPORTED_FEATURE_PROFILES, config.supportedProfiles().stream()
                .map(Enum::name).collect(Collectors.joining(",")));
        if (!supports(Profile.LocalAuthListManagement)) {
            configuration.remove(ConfigurationStore.LOCAL_AUTH_LIST_ENABLED);
            configuration.remove(ConfigurationStore.LOCAL_AUTH_LIST_MAX_LENGTH);
            configuration.remove(ConfigurationStore.SEND_LOCAL_LIST_MAX_LENGTH);
        }
        if (!supports(Profile.SmartCharging)) {
            ConfigurationStore.SMART_CHARGING_KEYS.forEach(configuration::remove);
        }
        if (supports(Profile.Reservation)) {
            configuration.fact(ConfigurationStore.RESERVE_CONNECTOR_ZERO_SUPPORTED, String.valueOf(config.reserveConnectorZero()));
        } else {
            configuration.remove(ConfigurationStore.RESERVE_CONNECTOR_ZERO_SUPPORTED);
        }
        if (config.has(Variant.NO_AUTH_CACHE)) {
            configuration.remove(ConfigurationStore.AUTHORIZATION_CACHE_ENABLED);
            configuration.preset(ConfigurationStore.ALLOW_OFFLINE_TX_FOR_UNKNOWN_ID, "false");
        }
        if (config.has(Variant.NO_EV_SIDE_DISCONNECT_KEY)) {
            configuration.remove(ConfigurationStore.STOP_TRANSACTION_ON_EV_SIDE_DISCONNECT);
        }
        if (config.has(Variant.REBOOT_REQUIRED_KEYS)) {
            configuration.requireReboot(ConfigurationStore.REBOOT_REQUIRED_KEYS);
        }
    }

    boolean has(Quirk quirk) {
        return config.has(quirk);
    }

    boolean has(Variant variant) {
        return config.has(variant);
    }

    /** A feature profile it lists; the security extension, which is no such profile, it always implements. */
    boolean supports(Profile profile) {
        return profile == Profile.Security || config.supports(profile);
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    int session() {
        return session;
    }

    /** The station goes down: whatever was under way belongs to a session that is over. */
    void endSession() {
        session++;
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return loop.schedule(task, delay);
    }

    void execute(Runnable task) {
        loop.execute(task);
    }

    Connector station() {
        return connectors[0];
    }

    boolean stationFaulted() {
        return connectors[0].fault != null;
    }

    List<Connector> chargingConnectors() {
        return Arrays.stream(connectors).filter(c -> c.transaction != null).toList();
    }

    /**
     * Brings what the outside sees in line with the state: energy flows where a connector charges,
     * at the limit in force, and every status that changed is reported. Runs after every event-loop task.
     */
    void reconcile() {
        reservations.holdLastFreeConnector();
        metering.updateEnergyFlow();
        chargingProfiles.followLimits();
        statuses.reconcile();
    }

    /** Writes what survives a reboot: availability, changed configuration, firmware version. */
    void saveStation() {
        Map<Integer, AvailabilityType> availability = new LinkedHashMap<>();
        for (Connector c : connectors) {
            availability.put(c.id, c.availability);
        }
        store.saveStation(new StateStore.Station(availability, configuration.changed(), firmware.version()));
    }
}
