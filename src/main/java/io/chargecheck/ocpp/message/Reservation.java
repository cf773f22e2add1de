package io.chargecheck.ocpp.message;

import java.time.Instant;

/** OCPP 1.6 Reservation profile. */
public final class Reservation {

    private Reservation() {
    }

    public enum CancelReservationStatus { Accepted, Rejected }

    public enum ReservationStatus { Accepted, Faulted, Occupied, Rejected, Unavailable }

    public record CancelReservationRequest(@Required Integer reservationId) implements Request<CancelReservationResponse> {
    }

    public record CancelReservationResponse(@Required CancelReservationStatus status) implements Response {
    }

    public record ReserveNowRequest(@Required Integer connectorId, @Required Instant expiryDate,
                                    @Required @MaxLength(20) String idTag, @MaxLength(20) String parentIdTag,
                                    @Required Integer reservationId) implements Request<ReserveNowResponse> {
    }

    public record ReserveNowResponse(@Required ReservationStatus status) implements Response {
    }
}
