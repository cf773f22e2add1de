package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.BootNotificationRequest;
import io.chargecheck.ocpp.message.Core.BootNotificationResponse;
import io.chargecheck.ocpp.message.Core.HeartbeatRequest;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.RegistrationStatus;
import io.chargecheck.ocpp.message.Core.ResetRequest;
import io.chargecheck.ocpp.message.Core.ResetResponse;
import io.chargecheck.ocpp.message.Core.ResetStatus;
import io.chargecheck.ocpp.message.Core.ResetType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;

/**
 * Power, boot and registration (Core): switching on and off, rebooting, BootNotification and the
 * retries of a Pending or Rejected registration, the heartbeat, and the Reset command.
 */
final class Boot {

    /** How long a hard reset gives its own answer to leave before the connection closes. */
    private static final Duration ANSWER_LEAVES = Duration.ofMillis(50);

    private final Station station;
    private final SimulatorConfig config;
    private final EventLog log;
    private final ConfigurationStore configuration;

    private RegistrationStatus registration;
    private ScheduledFuture<?> bootRetry;
    private ScheduledFuture<?> heartbeat;
    private int softResets;
    private boolean poweredBefore;

    Boot(Station station) {
        this.station = station;
        this.config = station.config;
        this.log = station.log;
        this.configuration = station.configuration;
    }

    void register(RemoteCommands commands) {
        commands.on(ResetRequest.class, this::reset);
    }

    RegistrationStatus registration() {
        return registration;
    }

    boolean isAccepted() {
        return registration == RegistrationStatus.Accepted;
    }

    // ------------------------------------------------------------------ power

    /** Switches on: what was kept on flash comes back, then it connects; completes once the first attempt is decided. */
    CompletableFuture<Void> powerOn() {
        // a station that ran before the suite started is still registered when the suite first sees it
        boolean resume = !poweredBefore && station.has(Variant.RECONNECT_WITHOUT_BOOT);
        poweredBefore = true;
        registration = resume ? RegistrationStatus.Accepted : null;
        station.configuration.applyPending();
        if (station.has(Quirk.AVAILABILITY_LOST_ON_REBOOT)) {
            forgetAvailability();
        }
        station.metering.alignClock();
        station.firmware.poweredOn();
        station.diagnostics.poweredOn();
        station.security.poweredOn();
        station.outbox.reload();
        SimulatorConfig.Identity id = config.identity();
        log.info("switched on: {} {} serial {} firmware {}, {} connector(s){}{}", id.vendor(), id.model(),
                id.serialNumber(), station.firmware.version(), config.connectors(),
                config.quirks().isEmpty() ? "" : ", quirks " + config.quirks(),
                config.variants().isEmpty() ? "" : ", variants " + config.variants());
        if (resume) {
            log.info("registered before this run: no BootNotification until asked for one (variant reconnect-without-boot)");
            startHeartbeat(configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL));
        }
        return station.connection.powerOn();
    }

    private void forgetAvailability() {
        boolean forgotten = false;
        for (Connector c : station.connectors) {
            forgotten |= c.availability != AvailabilityType.Operative;
            c.availability = AvailabilityType.Operative;
        }
        if (forgotten) {
            log.info("Inoperative forgotten over the reboot (quirk availability-lost-on-reboot)");
            station.saveStation();
        }
    }

    /** Power comes back after a cut (nothing happens when it is on). */
    CompletableFuture<Void> restorePower() {
        if (station.connection.isPowered()) {
            log.info("the power is on already");
            return CompletableFuture.completedFuture(null);
        }
        log.info("power back");
        return powerOn();
    }

    /**
     * The mains power goes. With backup power the station first stops its transactions (PowerLoss)
     * while it still can and reports them; without, they end as it goes down and their
     * StopTransactions are sent after the next boot. Completes once the station is off.
     */
    CompletableFuture<Void> cutPower() {
        log.info("power cut");
        Reason reason = station.has(Quirk.POWER_LOSS_REASON_OTHER) ? Reason.Other : Reason.PowerLoss;
        if (!station.connection.isPowered()) {
            return CompletableFuture.completedFuture(null);
        }
        boolean stopFirst = config.backupPower() && !station.chargingConnectors().isEmpty();
        if (stopFirst && station.has(Quirk.BACKUP_POWER_UNUSED)) {
            log.info("going down without stopping the transactions first (quirk backup-power-unused)");
            stopFirst = false;
        }
        if (!stopFirst) {
            switchOff(reason, false, "power lost");
            return CompletableFuture.completedFuture(null);
        }
        log.info("on backup power: stopping the transactions before going down");
        CompletableFuture<Void> down = new CompletableFuture<>();
        stopTransactionsThen(reason, () -> {
            switchOff(reason, true, "power lost, backup power used up");
            down.complete(null);
        });
        return down;
    }

    /**
     * Stops the running transactions with {@code reason} while the connection is up, and once
     * their StopTransactions are answered and what the station holds back is reported too
     * (Finishing, with late-finishing) and sent, goes on with {@code then}: a graceful way down.
     */
    private void stopTransactionsThen(Reason reason, Runnable then) {
        List<CompletableFuture<?>> stops = new ArrayList<>();
        for (Connector c : station.chargingConnectors()) {
            Outbox.Outgoing<?> stop = station.transactions.stop(c, reason, null);
            if (stop != null && station.outbox.isOnline()) {
                stops.add(stop.answer);
            }
        }
        station.commands.afterAnswers(stops, () -> {
            station.execute(() -> Arrays.stream(station.connectors).forEach(c -> c.heldStatus = null));
            station.execute(() -> station.outbox.drained().whenComplete((ok, error) -> then.run()));
        });
    }

    /** Power off, and on again after the reboot time. */
    CompletableFuture<Void> powerCycle() {
        return cutPower().thenCompose(off -> restartAfter(config.rebootTime()));
    }

    /**
     * Everything the station had in memory goes: the connection (closed with a handshake when
     * graceful, dropped as by a power cut when not), timers, authorisations, reservations.
     * Transactions still running end with {@code reason}; as the connection is already gone,
     * their StopTransaction is queued.
     */
    void switchOff(Reason reason, boolean graceful, String why) {
        station.connection.drop(graceful, why);
        for (Connector c : station.chargingConnectors()) {
            station.transactions.stop(c, reason, null);
        }
        station.connection.powerOff();
        station.endSession();
        registration = null;
        EventLoop.cancel(heartbeat);
        EventLoop.cancel(bootRetry);
        station.metering.stopClock();
        for (Connector c : station.connectors) {
            c.forgetSession();
        }
        station.firmware.switchedOff();
    }

    /** Comes back after {@code delay}; completes once the first connection attempt after it is decided. */
    CompletableFuture<Void> restartAfter(Duration delay) {
        CompletableFuture<Void> back = new CompletableFuture<>();
        station.schedule(() -> powerOn().whenComplete((ok, error) -> back.complete(null)), delay);
        return back;
    }

    /** Off (transactions still running end with {@code reason}, their StopTransaction queued), then on again. */
    CompletableFuture<Void> reboot(Reason reason, boolean graceful, String why) {
        log.info("rebooting: {}", why);
        switchOff(reason, graceful, why);
        return station.connection.closedAtBothEnds().thenCompose(closed -> restartAfter(config.rebootTime()));
    }

    // ------------------------------------------------------------------ registration

    /** A connection is open: boot unless already registered (back after an outage). */
    CompletableFuture<Void> connectionOpened() {
        if (registration == RegistrationStatus.Accepted) {
            // back after an outage, not after a reboot: no BootNotification, queued messages first
            if (station.has(Quirk.OFFLINE_NOT_REPLAYED)) {
                int dropped = station.outbox.dropTransactionMessages();
                if (dropped > 0) {
                    log.info("dropped {} queued transaction message(s) (quirk offline-not-replayed)", dropped);
                }
            }
            if (station.has(Quirk.HEARTBEATS_STOP_AFTER_RECONNECT)) {
                log.info("no Heartbeat until the next boot (quirk heartbeats-stop-after-reconnect)");
                EventLoop.cancel(heartbeat);
            }
            station.outbox.state(true, true);
            return CompletableFuture.completedFuture(null);
        }
        station.outbox.state(true, false);
        return sendBoot();
    }

    /** Sends BootNotification; completes once it is answered (or could not be). */
    CompletableFuture<Void> sendBoot() {
        SimulatorConfig.Identity id = config.identity();
        String serial = station.has(Quirk.BOOT_WITHOUT_SERIAL) ? null : id.serialNumber();
        BootNotificationRequest request = new BootNotificationRequest(id.vendor(), id.model(), serial, null,
                station.firmware.version(), id.iccid(), id.imsi(), id.meterType(), id.meterSerialNumber());
        Outbox.Outgoing<BootNotificationResponse> boot = station.outbox.send(request);
        int bootSession = station.session();
        boot.answer.whenComplete((response, error) -> {
            if (bootSession != station.session()) {
                return;
            }
            if (error != null) {
                log.info("BootNotification not answered ({}); trying again", error.getMessage());
                if (station.connection.isConnected() && registration != RegistrationStatus.Accepted) {
                    EventLoop.cancel(bootRetry);
                    bootRetry = station.schedule(this::sendBoot, config.reconnectMax());
                }
            } else {
                registered(response);
            }
        });
        return boot.settled;
    }

    private void registered(BootNotificationResponse response) {
        boolean wasAccepted = registration == RegistrationStatus.Accepted;
        registration = response.status();
        EventLoop.cancel(bootRetry);
        boolean connected = station.connection.isConnected();
        if (registration == RegistrationStatus.Accepted) {
            if (response.interval() > 0) {
                configuration.change(ConfigurationStore.HEARTBEAT_INTERVAL, String.valueOf(response.interval()));
            }
            int interval = configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL);
            log.info("registration Accepted; heartbeat every {} s", interval);
            startHeartbeat(interval);
            if (!wasAccepted) {
                station.statuses.reportAllAfterBoot();
                station.signedFirmware.booted();
            }
            station.outbox.state(connected, true);
        } else {
            int retry = response.interval() > 0 ? response.interval()
                    : configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL);
            Duration wait = Duration.ofSeconds(retry);
            if (station.has(Quirk.BOOT_RETRY_IGNORES_INTERVAL)) {
                wait = Duration.ofMillis(Quirk.EARLY_BOOT_RETRY_MS);
                log.info("registration {}: BootNotification again in {} ms, not {} s (quirk boot-retry-ignores-interval)",
                        registration, wait.toMillis(), retry);
            } else {
                log.info("registration {}: BootNotification again in {} s", registration, retry);
            }
            station.outbox.state(connected, false);
            bootRetry = station.schedule(() -> {
                if (station.connection.isConnected() && registration != RegistrationStatus.Accepted) {
                    sendBoot();
                }
            }, wait);
        }
    }

    // ------------------------------------------------------------------ heartbeat

    void startHeartbeat(int seconds) {
        EventLoop.cancel(heartbeat);
        if (station.has(Quirk.NO_HEARTBEAT) || seconds <= 0) {
            return;
        }
        heartbeat = station.loop.every(Duration.ofSeconds(seconds), () -> {
            if (station.outbox.isOnline()) {
                sendHeartbeat();
            }
        });
    }

    void sendHeartbeat() {
        station.outbox.send(new HeartbeatRequest());
    }

    /** HeartbeatInterval was changed by the central system. */
    void heartbeatIntervalChanged() {
        if (station.has(Quirk.HEARTBEAT_INTERVAL_IGNORED)) {
            log.info("heartbeat keeps its old interval (quirk heartbeat-interval-ignored)");
        } else if (registration == RegistrationStatus.Accepted) {
            startHeartbeat(configuration.intValue(ConfigurationStore.HEARTBEAT_INTERVAL));
        }
    }

    // ------------------------------------------------------------------ Reset

    private Answer reset(ResetRequest request) {
        ResetResponse accepted = new ResetResponse(ResetStatus.Accepted);
        log.info("Reset {}: Accepted", request.type());
        if (request.type() == ResetType.Hard) {
            if (station.has(Quirk.HARD_RESET_IGNORED)) {
                return Answer.of(accepted, () -> log.info("nothing happens (quirk hard-reset-ignored)"));
            }
            // Without waiting for anything the station does: the StopTransactions (HardReset) go out
            // after the boot. The WebSocket is closed properly all the same, and only a moment after
            // the answer: a close handshake begun in the same instant as the answer's write lost the
            // answer about once in forty runs after a reconnect (Java-WebSocket writes on a thread of
            // its own), and a charger takes that moment before it reboots anyway.
            return Answer.of(accepted, () -> station.schedule(() -> reboot(resetReason(Reason.HardReset), true, "hard reset"),
                    ANSWER_LEAVES));
        }
        if (station.has(Quirk.SOFT_RESET_IGNORED)) {
            return Answer.of(accepted, () -> log.info("nothing happens (quirk soft-reset-ignored)"));
        }
        if (station.has(Quirk.SOFT_RESET_NEEDS_SECOND_ATTEMPT) && softResets++ % 2 == 0) {
            return Answer.of(accepted, () -> log.info("nothing happens this time (quirk soft-reset-needs-second-attempt)"));
        }
        return Answer.of(accepted, this::softReset);
    }

    /**
     * Soft reset: transactions stop with SoftReset while the connection is up, then a graceful
     * reboot, a moment after the last answer (with nothing to stop, the Reset's own) has left.
     */
    private void softReset() {
        Reason reason = resetReason(Reason.SoftReset);
        stopTransactionsThen(reason, () -> station.schedule(() -> reboot(reason, true, "soft reset"), ANSWER_LEAVES));
    }

    private Reason resetReason(Reason reason) {
        return station.has(Quirk.RESET_STOP_REASON_OTHER) ? Reason.Other : reason;
    }
}
