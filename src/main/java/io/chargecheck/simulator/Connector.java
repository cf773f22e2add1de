package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.MeterValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    record Report(ChargePointStatus status, ChargePointErrorCode errorCode, String vendorErrorCode, String info) {
        Report(ChargePointStatus status, ChargePointErrorCode errorCode, String vendorErrorCode) {
            this(status, errorCode, vendorErrorCode, null);
        }
    }

    /** What StatusNotification's info says when the EV is gone but the transaction goes on. */
    static final String EV_SIDE_DISCONNECTED = "EV side disconnected";

    record Reservation(int reservationId, String idTag, String parentIdTag, Instant expiryDate) {
        Reservation(int reservationId, String idTag, Instant expiryDate) {
            this(reservationId, idTag, null, expiryDate);
        }
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
        /** The group of the card that started it, once known (Authorize or StartTransaction answer, local list, cache). */
        String parentIdTag;
        /** Clock-aligned readings of StopTxnAlignedData, for the StopTransaction's transactionData. */
        final List<MeterValue> alignedSamples = new ArrayList<>();
        /** The central system said the card is not valid; energy flows up to MaxEnergyOnInvalidId. */
        boolean invalidated;
        /** Energy delivery suspended by the station (the invalid card's energy is used up). */
        boolean suspendedByStation;
        ScheduledFuture<?> energyLimit;

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
    /** A cable connects the EV to the station. */
    boolean cablePlugged;
    /** The cable was pulled out of the EV but is still in the station's socket. */
    boolean cableInSocket;
    /** The cable went in, but the connector's lock did not engage. */
    boolean lockFailed;
    /** The lock is blocked: the next UnlockConnector fails. */
    boolean lockJammed;
    boolean evSuspended;
    Fault fault;

    // the station's view
    AvailabilityType availability = AvailabilityType.Operative;
    AvailabilityType scheduledAvailability;
    Transaction transaction;
    String authorizedIdTag;
    Integer authorizedReservationId;
    String authorizedParentIdTag;
    /** The authorisation came from a card at the reader, not from a remote start. */
    boolean authorizedByCard;
    ScheduledFuture<?> connectionTimeout;
    Reservation reservation;
    ScheduledFuture<?> reservationExpiry;
    /** The station's own reservation (connector 0) holds this connector: the last one free. */
    Reservation heldForStation;
    boolean finishing;
    /** A status the station keeps showing for a while after the state moved on (a real charger's lag). */
    ChargePointStatus heldStatus;
    ChargePointStatus frozenStatus;
    ScheduledFuture<?> sampling;
    Report reported;
    /** A changed status waiting to have lasted MinimumStatusDuration before it is reported, and since when. */
    Report pendingReport;
    Instant pendingSince;

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
            return stationFaulted || transaction.suspendedByStation ? ChargePointStatus.SuspendedEVSE : ChargePointStatus.Charging;
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
        if (reservation != null || heldForStation != null) {
            return ChargePointStatus.Reserved;
        }
        return ChargePointStatus.Available;
    }

    Report report(boolean stationFaulted) {
        ChargePointStatus status = status(stationFaulted);
        if (status == ChargePointStatus.Faulted) {
            return new Report(status, fault.errorCode(), fault.vendorErrorCode());
        }
        if (status == ChargePointStatus.SuspendedEV && transaction != null && !cablePlugged) {
            return new Report(status, ChargePointErrorCode.NoError, null, EV_SIDE_DISCONNECTED);
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
        authorizedParentIdTag = null;
        authorizedByCard = false;
        if (heldStatus == ChargePointStatus.Available) {
            heldStatus = null; // the Available a remote start was hidden behind
        }
        cancelConnectionTimeout();
    }

    /** The reservation that decides who may start here: the connector's own, or the station's holding it. */
    Reservation effectiveReservation() {
        return reservation != null ? reservation : heldForStation;
    }

    void clearReservation() {
        reservation = null;
        heldForStation = null;
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
        pendingReport = null;
        heldForStation = null;
    }
}
