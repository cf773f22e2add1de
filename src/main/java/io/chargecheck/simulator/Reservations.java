package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationResponse;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import io.chargecheck.ocpp.message.Reservation.ReserveNowResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reservations (Reservation profile): ReserveNow holds a connector for one id tag until it expires
 * or is used or cancelled; CancelReservation ends it.
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
    }

    private Answer reserveNow(ReserveNowRequest request) {
        int id = request.connectorId();
        Connector[] connectors = station.connectors;
        ReservationStatus status;
        if (id < 1 || id >= connectors.length || !request.expiryDate().isAfter(station.now())) {
            status = ReservationStatus.Rejected; // connector 0: ReserveConnectorZeroSupported is false
        } else {
            Connector c = connectors[id];
            ChargePointStatus now = c.status(station.stationFaulted());
            boolean otherReservation = c.reservation != null && c.reservation.reservationId() != request.reservationId();
            if (now == ChargePointStatus.Faulted) {
                status = ReservationStatus.Faulted;
            } else if (now == ChargePointStatus.Unavailable) {
                status = ReservationStatus.Unavailable;
            } else if (c.transaction != null || c.cablePlugged || c.authorizedIdTag != null || otherReservation) {
                status = ReservationStatus.Occupied;
            } else {
                withId(request.reservationId()).ifPresent(Connector::clearReservation);
                c.reservation = new Connector.Reservation(request.reservationId(), request.idTag(), request.expiryDate());
                c.reservationExpiry = station.schedule(() -> {
                    if (c.reservation != null && c.reservation.reservationId() == request.reservationId()) {
                        log.info("reservation {} at connector {} expired", request.reservationId(), c.id);
                        c.clearReservation();
                    }
                }, Duration.between(station.now(), request.expiryDate()));
                status = ReservationStatus.Accepted;
            }
        }
        log.info("ReserveNow {} at connector {} for {}: {}", request.reservationId(), id, request.idTag(), status);
        return Answer.of(new ReserveNowResponse(status));
    }

    private Answer cancelReservation(CancelReservationRequest request) {
        Optional<Connector> reserved = withId(request.reservationId());
        reserved.ifPresent(Connector::clearReservation);
        log.info("CancelReservation {}: {}", request.reservationId(), reserved.isPresent() ? "Accepted" : "Rejected, unknown");
        return Answer.of(new CancelReservationResponse(reserved.isPresent() ? CancelReservationStatus.Accepted
                : CancelReservationStatus.Rejected));
    }

    private Optional<Connector> withId(int reservationId) {
        return Arrays.stream(station.connectors)
                .filter(c -> c.reservation != null && c.reservation.reservationId() == reservationId)
                .findFirst();
    }
}
