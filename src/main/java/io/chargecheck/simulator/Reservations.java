package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationResponse;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import io.chargecheck.ocpp.message.Reservation.ReserveNowResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reservations (Reservation profile): ReserveNow holds a connector, or with connector 0 (when
 * ReserveConnectorZeroSupported) one connector of the station, for an id tag and its group
 * (parentIdTag) until it expires, is used or is cancelled. A station reservation shows as
 * Reserved on the last free connector: the others may still be used by anyone.
 */
final class Reservations {

    private final Station station;
    private final EventLog log;

    Reservations(Station station) {
        this.station = station;
        this.log = station.log;
    }

    void register(RemoteCommands commands) {
        commands.on(ReserveNowRequest.class, this::reserveNow);
        commands.on(CancelReservationRequest.class, this::cancelReservation);
        // OCPP 1.6: a charge point that does not take reservations answers ReserveNow Rejected
        commands.withoutProfile(ReserveNowRequest.class, request -> {
            if (station.has(Quirk.RESERVATION_ACCEPTED_WITHOUT_PROFILE)) {
                log.info("ReserveNow: Accepted, without the profile (quirk reservation-accepted-without-profile)");
                return Answer.of(new ReserveNowResponse(ReservationStatus.Accepted));
            }
            log.info("ReserveNow: Rejected, this station takes no reservations");
            return Answer.of(new ReserveNowResponse(ReservationStatus.Rejected));
        });
    }

    /** The reservation that decides whether {@code idTag} may start at {@code c}, if any. */
    Connector.Reservation governing(Connector c, String idTag) {
        Connector.Reservation own = c.effectiveReservation();
        if (own != null) {
            return own;
        }
        Connector.Reservation whole = station.station().reservation;
        return whole != null && whole.idTag().equals(idTag) ? whole : null;
    }

    /** A transaction started on the reservation: it is fulfilled. */
    void used(int reservationId) {
        withId(reservationId).ifPresent(c -> {
            log.info("reservation {} used", reservationId);
            c.clearReservation();
        });
    }

    /** Marks the connector a station reservation holds: the last one free, if only one is left. */
    void holdLastFreeConnector() {
        Connector.Reservation whole = station.station().reservation;
        List<Connector> free = Arrays.stream(station.connectors).skip(1).peek(c -> c.heldForStation = null)
                .filter(this::free).toList();
        if (whole != null && free.size() == 1) {
            free.get(0).heldForStation = whole;
        }
    }

    private boolean free(Connector c) {
        return station.transactions.canStart(c) && !c.cablePlugged && c.authorizedIdTag == null && c.reservation == null;
    }

    private Answer reserveNow(ReserveNowRequest request) {
        int id = request.connectorId();
        Connector[] connectors = station.connectors;
        ReservationStatus status;
        if (id < 0 || id >= connectors.length || !request.expiryDate().isAfter(station.now())) {
            status = ReservationStatus.Rejected;
        } else if (id == 0 && !station.config.reserveConnectorZero()) {
            status = ReservationStatus.Rejected; // ReserveConnectorZeroSupported is false
        } else {
            Connector c = connectors[id];
            status = id == 0 ? stationStatus(request) : connectorStatus(c, request);
            if (status != ReservationStatus.Accepted && station.has(Quirk.RESERVATION_STATUS_ALWAYS_ACCEPTED)) {
                log.info("ReserveNow would be {}; Accepted (quirk reservation-status-always-accepted)", status);
                status = ReservationStatus.Accepted;
            }
            if (status == ReservationStatus.Accepted) {
                reserve(c, request);
            }
        }
        log.info("ReserveNow {} at connector {} for {}{}: {}", request.reservationId(), id, request.idTag(),
                request.parentIdTag() == null ? "" : " (group " + request.parentIdTag() + ")", status);
        return Answer.of(new ReserveNowResponse(status));
    }

    private ReservationStatus connectorStatus(Connector c, ReserveNowRequest request) {
        ChargePointStatus now = c.status(station.stationFaulted());
        boolean otherReservation = c.reservation != null && c.reservation.reservationId() != request.reservationId();
        if (now == ChargePointStatus.Faulted) {
            return ReservationStatus.Faulted;
        }
        if (now == ChargePointStatus.Unavailable) {
            return ReservationStatus.Unavailable;
        }
        if (c.transaction != null || c.cablePlugged || c.authorizedIdTag != null || otherReservation) {
            return ReservationStatus.Occupied;
        }
        return ReservationStatus.Accepted;
    }

    /** A reservation of the station as a whole: it needs a connector that is free now. */
    private ReservationStatus stationStatus(ReserveNowRequest request) {
        Connector whole = station.station();
        List<Connector> connectors = Arrays.stream(station.connectors).skip(1).toList();
        if (station.stationFaulted() || connectors.stream().allMatch(c -> c.fault != null)) {
            return ReservationStatus.Faulted;
        }
        if (whole.availability == AvailabilityType.Inoperative
                || connectors.stream().allMatch(c -> c.availability == AvailabilityType.Inoperative)) {
            return ReservationStatus.Unavailable;
        }
        boolean otherReservation = whole.reservation != null && whole.reservation.reservationId() != request.reservationId();
        if (otherReservation || connectors.stream().noneMatch(this::free)) {
            return ReservationStatus.Occupied;
        }
        return ReservationStatus.Accepted;
    }

    private void reserve(Connector c, ReserveNowRequest request) {
        withId(request.reservationId()).ifPresent(Connector::clearReservation);
        c.reservation = new Connector.Reservation(request.reservationId(), request.idTag(), request.parentIdTag(),
                request.expiryDate());
        if (station.has(Quirk.RESERVATION_NEVER_EXPIRES)) {
            log.info("reservation {} will not expire (quirk reservation-never-expires)", request.reservationId());
            return;
        }
        c.reservationExpiry = station.schedule(() -> {
            if (c.reservation != null && c.reservation.reservationId() == request.reservationId()) {
                log.info("reservation {} at connector {} expired", request.reservationId(), c.id);
                c.clearReservation();
            }
        }, Duration.between(station.now(), request.expiryDate()));
    }

    private Answer cancelReservation(CancelReservationRequest request) {
        Optional<Connector> reserved = withId(request.reservationId());
        CancelReservationStatus status = reserved.isPresent() ? CancelReservationStatus.Accepted : CancelReservationStatus.Rejected;
        if (reserved.isPresent() && station.has(Quirk.CANCEL_RESERVATION_KEEPS_IT)) {
            log.info("CancelReservation {}: Accepted, the reservation kept (quirk cancel-reservation-keeps-it)",
                    request.reservationId());
        } else if (reserved.isEmpty() && station.has(Quirk.CANCEL_UNKNOWN_RESERVATION_ACCEPTED)) {
            log.info("CancelReservation {}: Accepted, though unknown (quirk cancel-unknown-reservation-accepted)",
                    request.reservationId());
            status = CancelReservationStatus.Accepted;
        } else {
            reserved.ifPresent(Connector::clearReservation);
            log.info("CancelReservation {}: {}", request.reservationId(), reserved.isPresent() ? "Accepted" : "Rejected, unknown");
        }
        return Answer.of(new CancelReservationResponse(status));
    }

    private Optional<Connector> withId(int reservationId) {
        return Arrays.stream(station.connectors)
                .filter(c -> c.reservation != null && c.reservation.reservationId() == reservationId)
                .findFirst();
    }
}
