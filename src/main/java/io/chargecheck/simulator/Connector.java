package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.MeterValue;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * One connector, or with id 0 the station itself: what is physically going on (cable, EV, fault)
 * and what the station made of it (availability, authorisation, reservation, transaction). Its
 * OCPP 1.6 status is derived from that state, never stored, so it cannot drift from it.
 *
 * <p>Not thread-safe: used on the simulator's event loop only.
 */
final class Connector {

    /** A hardware fault: the OCPP error code and the vendor's own code. */
    record Fault(ChargePointErrorCode errorCode, String vendorErrorCode) {
    }

    /** What a StatusNotification says; compared with the last one sent to know when to send. */
    record Report(ChargePointStatus status, ChargePointErrorCode errorCode, String vendorErrorCode) {
    }

    record Reservation(int reservationId, String idTag, Instant expiryDate) {
    }

    /** A running transaction. {@code transactionId} is null until the central system has assigned it. */
    static final class Transaction {
        final int localId;
        final String idTag;
        final int meterStart;
        final Instant started;
        final Integer reservationId;
        final MeterValue beginSample;
        Integer transactionId;

        Transaction(int localId, String idTag, int meterStart, Instant started, Integer reservationId,
                    MeterValue beginSample) {
            this.localId = localId;
            this.idTag = idTag;
            this.meterStart = meterStart;
            this.started = started;
            this.reservationId = reservationId;
            this.beginSample = beginSample;
        }

        /** The id to put in messages: the assigned one, else the local placeholder. */
        int wireId() {
            return transactionId != null ? transactionId : localId;
        }
    }

    final int id;
    final Meter meter;

    // the physical world
    boolean cablePlugged;
    boolean evSuspended;
    Fault fault;

    // the station's view
    AvailabilityType availability = AvailabilityType.Operative;
    AvailabilityType scheduledAvailability;
    Transaction transaction;
    String authorizedIdTag;
    Integer authorizedReservationId;
    ScheduledFuture<?> connectionTimeout;
    Reservation reservation;
    ScheduledFuture<?> reservationExpiry;
    boolean finishing;
    /** A status the station keeps showing for a while after the state moved on (a real charger's lag). */
    ChargePointStatus heldStatus;
    ChargePointStatus frozenStatus;
    ScheduledFuture<?> sampling;
    Report reported;

    Connector(int id, Meter meter) {
        this.id = id;
        this.meter = meter;
    }

    boolean isStation() {
        return id == 0;
    }

    /**
     * The OCPP 1.6 status, in order of precedence: a fault wins, then a running transaction (charging,
     * or suspended by the EV or by the station), then Unavailable, Finishing, Preparing (cable in or a
     * card authorised and waiting for the cable), Reserved, Available.
     *
     * @param stationFaulted the station itself (connector 0) has a fault: energy cannot flow
     */
    ChargePointStatus status(boolean stationFaulted) {
        if (fault != null) {
            return ChargePointStatus.Faulted;
        }
        if (isStation()) {
            return availability == AvailabilityType.Inoperative ? ChargePointStatus.Unavailable : ChargePointStatus.Available;
        }
        if (frozenStatus != null) {
            return frozenStatus;
        }
        if (heldStatus != null) {
            return heldStatus;
        }
        if (transaction != null) {
            if (!cablePlugged || evSuspended) {
                return ChargePointStatus.SuspendedEV;
            }
            return stationFaulted ? ChargePointStatus.SuspendedEVSE : ChargePointStatus.Charging;
        }
        if (availability == AvailabilityType.Inoperative) {
            return ChargePointStatus.Unavailable;
        }
        if (finishing) {
            return ChargePointStatus.Finishing;
        }
        if (cablePlugged || authorizedIdTag != null) {
            return ChargePointStatus.Preparing;
        }
        if (reservation != null) {
            return ChargePointStatus.Reserved;
        }
        return ChargePointStatus.Available;
    }

    Report report(boolean stationFaulted) {
        ChargePointStatus status = status(stationFaulted);
        if (status == ChargePointStatus.Faulted) {
            return new Report(status, fault.errorCode(), fault.vendorErrorCode());
        }
        return new Report(status, ChargePointErrorCode.NoError, null);
    }

    /** Whether a new transaction or authorisation can be taken on here. */
    boolean acceptsNewTransaction(boolean stationFaulted) {
        return transaction == null && fault == null && !stationFaulted && availability == AvailabilityType.Operative;
    }

    void cancelConnectionTimeout() {
        if (connectionTimeout != null) {
            connectionTimeout.cancel(false);
            connectionTimeout = null;
        }
    }

    void clearAuthorization() {
        authorizedIdTag = null;
        authorizedReservationId = null;
        cancelConnectionTimeout();
    }

    void clearReservation() {
        reservation = null;
        if (reservationExpiry != null) {
            reservationExpiry.cancel(false);
            reservationExpiry = null;
        }
    }

    void stopSampling() {
        if (sampling != null) {
            sampling.cancel(false);
            sampling = null;
        }
    }

    /** After a reboot: the physical world stays, everything the station had in memory is gone. */
    void forgetSession() {
        transaction = null;
        clearAuthorization();
        clearReservation();
        stopSampling();
        finishing = false;
        heldStatus = null;
        frozenStatus = null;
        scheduledAvailability = null;
        reported = null;
    }
}
