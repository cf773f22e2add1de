package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityResponse;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The connectors' statuses as the central system hears them (Core): a StatusNotification for every
 * connector whose status differs from the last one sent, and the availability that
 * ChangeAvailability sets (at once, or scheduled for the end of a transaction), and the hardware
 * faults that make a connector or the station Faulted.
 */
final class Statuses {

    private final Station station;
    private final EventLog log;

    Statuses(Station station) {
        this.station = station;
        this.log = station.log;
    }

    void register(RemoteCommands commands) {
        commands.on(ChangeAvailabilityRequest.class, this::changeAvailability);
    }

    /**
     * Sends a StatusNotification for every connector whose status differs from the last one sent.
     * Runs after every event-loop task, so no state change can forget to report itself.
     */
    void reconcile() {
        if (!station.outbox.isOnline()) {
            return; // reported once the connection is back, as what changed meanwhile
        }
        boolean stationFaulted = station.stationFaulted();
        Duration minimum = Duration.ofSeconds(station.configuration.intValue(ConfigurationStore.MINIMUM_STATUS_DURATION));
        Instant now = station.now();
        for (Connector c : station.connectors) {
            Connector.Report report = c.report(stationFaulted);
            if (report.equals(c.reported)) {
                c.pendingReport = null;
            } else if (lastedLongEnough(c, report, minimum, now)) {
                c.pendingReport = null;
                c.reported = report;
                send(c, report);
            }
        }
    }

    /** MinimumStatusDuration: a status is reported once it has lasted that long (0: at once). */
    private boolean lastedLongEnough(Connector c, Connector.Report report, Duration minimum, Instant now) {
        if (minimum.isZero()) {
            return true;
        }
        if (!report.equals(c.pendingReport)) {
            c.pendingReport = report;
            c.pendingSince = now;
            station.schedule(() -> log.info("connector {} has been {} for {} s (MinimumStatusDuration)", c.id,
                    report.status(), minimum.toSeconds()), minimum); // the reconciliation after it reports what lasted
            return false;
        }
        return !Duration.between(c.pendingSince, now).minus(minimum).isNegative();
    }

    /** After a boot every connector, 0 first, is reported (connector 0 not by every charger: a variant). */
    void reportAllAfterBoot() {
        for (Connector c : station.connectors) {
            c.reported = null;
        }
        if (station.has(Variant.NO_CONNECTOR_ZERO_AT_BOOT)) {
            station.station().reported = station.station().report(station.stationFaulted());
        }
    }

    /** Reports the connector's current status whether it changed or not (TriggerMessage). */
    void reportNow(Connector c) {
        c.pendingReport = null;
        c.reported = c.report(station.stationFaulted());
        send(c, c.reported);
    }

    private void send(Connector c, Connector.Report report) {
        if (c.isStation() && station.has(Quirk.NO_CONNECTOR_ZERO_STATUS)) {
            return;
        }
        boolean hideError = report.status() == ChargePointStatus.Faulted && station.has(Quirk.FAULT_WITHOUT_ERROR_CODE);
        ChargePointErrorCode errorCode = hideError ? ChargePointErrorCode.NoError : report.errorCode();
        String vendorErrorCode = hideError ? null : report.vendorErrorCode();
        log.info("{} is {}{}", c.isStation() ? "station (connector 0)" : "connector " + c.id, report.status(),
                errorCode == ChargePointErrorCode.NoError ? "" : " (" + errorCode + ")");
        station.outbox.send(new StatusNotificationRequest(c.id, errorCode, report.info(), report.status(), station.now(), null,
                vendorErrorCode));
    }

    /** Marks the current statuses as reported without sending them (a quirk's silence). */
    private void reportedSilently(List<Connector> affected) {
        boolean stationFaulted = station.stationFaulted();
        affected.forEach(c -> c.reported = c.report(stationFaulted));
    }

    private Answer changeAvailability(ChangeAvailabilityRequest request) {
        int id = request.connectorId();
        Connector[] connectors = station.connectors;
        if (id < 0 || id >= connectors.length) {
            log.info("ChangeAvailability for connector {}, which does not exist: Rejected", id);
            return Answer.of(new ChangeAvailabilityResponse(AvailabilityStatus.Rejected));
        }
        List<Connector> affected = id == 0 ? Arrays.asList(connectors) : List.of(connectors[id]);
        boolean scheduled = false;
        for (Connector c : affected) {
            boolean busy = c.isStation() ? !station.chargingConnectors().isEmpty() : c.transaction != null;
            if (request.type() == AvailabilityType.Inoperative && busy) {
                c.scheduledAvailability = AvailabilityType.Inoperative;
                scheduled = true;
            } else {
                c.scheduledAvailability = null;
                c.availability = request.type();
                if (request.type() == AvailabilityType.Inoperative) {
                    c.clearAuthorization();
                }
            }
        }
        station.saveStation();
        AvailabilityStatus status = scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted;
        log.info("ChangeAvailability {} for {}: {}", request.type(), id == 0 ? "the whole station" : "connector " + id,
                scheduled ? "Scheduled, applied when the transaction ends" : "Accepted");
        if (station.has(Quirk.AVAILABILITY_NOT_REPORTED)) {
            return Answer.of(new ChangeAvailabilityResponse(status), () -> {
                log.info("no StatusNotification for the new availability (quirk availability-not-reported)");
                reportedSilently(affected);
            });
        }
        return Answer.of(new ChangeAvailabilityResponse(status));
    }

    /** A hardware fault appears at a connector, or at the station itself (connector 0). */
    void faultAppears(Connector c, ChargePointErrorCode errorCode, String vendorErrorCode) {
        Connector target = c.isStation() && station.has(Quirk.STATION_FAULT_ON_CONNECTOR_ONE) ? station.connectors[1] : c;
        target.fault = new Connector.Fault(errorCode, vendorErrorCode);
        log.info("hardware fault {}{} at {}", errorCode, vendorErrorCode == null ? "" : " (" + vendorErrorCode + ")",
                c.isStation() ? "the station itself" : "connector " + c.id);
    }

    /**
     * A hardware fault of the whole station: connector 0 and every connector are Faulted. With
     * {@link Quirk#STATION_FAULT_ON_CONNECTOR_ONE} the station's own part goes to connector 1, which
     * is faulted anyway, so connector 0 says nothing.
     */
    void stationWideFault(ChargePointErrorCode errorCode, String vendorErrorCode) {
        for (Connector c : station.connectors) {
            if (!(c.isStation() && station.has(Quirk.STATION_FAULT_ON_CONNECTOR_ONE))) {
                c.fault = new Connector.Fault(errorCode, vendorErrorCode);
            }
        }
        log.info("hardware fault {}{} of the whole station", errorCode, vendorErrorCode == null ? "" : " (" + vendorErrorCode + ")");
    }

    /**
     * The fault is gone and normal operation restored: that also ends a status stuck by a quirk, a
     * blocked lock, and (connector 0) a broken local list storage.
     */
    void faultCleared(Connector c) {
        c.fault = null;
        c.frozenStatus = null;
        c.lockJammed = false;
        if (c.isStation()) {
            station.authorizing.storageRepaired();
        }
        if (c.isStation() && station.has(Quirk.STATION_FAULT_ON_CONNECTOR_ONE)) {
            station.connectors[1].fault = null;
        }
        log.info("fault cleared at {}", c.isStation() ? "the station itself" : "connector " + c.id);
    }

    /** A transaction ended at {@code c}: an availability change scheduled for then applies now. */
    void applyScheduledAvailability(Connector c) {
        boolean changed = false;
        if (c.scheduledAvailability != null) {
            c.availability = c.scheduledAvailability;
            c.scheduledAvailability = null;
            changed = true;
        }
        Connector whole = station.station();
        if (whole.scheduledAvailability != null && station.chargingConnectors().isEmpty()) {
            whole.availability = whole.scheduledAvailability;
            whole.scheduledAvailability = null;
            changed = true;
        }
        if (changed) {
            log.info("scheduled availability change applied");
            station.saveStation();
        }
    }
}
