package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.Describe;
import io.chargecheck.certification.Evidence.Received;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.Statuses;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TC_046_1_CS to TC_053_CS: reservations of a connector and of the charge point as a whole, what
 * the station answers when it cannot take one, their expiry and cancellation, and the transaction
 * that uses one (its card, its group, its reservationId).
 */
public final class Reservations {

    /** Clear of the reusable state Reserved's ids, so that a mix-up shows. */
    private static final AtomicInteger RESERVATION_IDS = new AtomicInteger(8_000);
    /** What makes a reservation id one the station does not have: far from every id this suite gives. */
    private static final int UNKNOWN_OFFSET = 100_000;

    private final Context context;
    private final MessageOrder order;
    private String requested = "ReserveNow";
    private ReservationStatus answered;
    private Duration lasting = ReusableStates.RESERVATION;
    private long reservedAt;
    private CancelReservationStatus cancelled;
    private int cancelledId;

    public Reservations(Context context) {
        this.context = context;
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    public void reserveConnector(String idTag) {
        reserve(connector(), idTag, null, ReusableStates.RESERVATION);
    }

    /** With the card's group: any card of the same parentIdTag may use the reservation (TC_053_CS). */
    public void reserveConnectorForTheGroupOf(String idTag) {
        reserve(connector(), idTag, context.settings().parentIdTag(), ReusableStates.RESERVATION);
    }

    /** Until <Configured Reservation Expiry Date Offset> from now ({@code chargecheck.octt.reservationExpiryOffset}). */
    public void reserveConnectorBriefly(String idTag) {
        reserve(connector(), idTag, null, context.settings().octtSeconds("reservationExpiryOffset", 3, 60));
    }

    /** Connector 0: the charge point as a whole. */
    public void reserveChargePoint(String idTag) {
        reserve(0, idTag, null, ReusableStates.RESERVATION);
    }

    private void reserve(int connectorId, String idTag, String parentIdTag, Duration until) {
        int reservationId = RESERVATION_IDS.incrementAndGet();
        Instant expiry = Instant.now().plus(until).truncatedTo(ChronoUnit.SECONDS);
        requested = "ReserveNow for " + (connectorId == 0 ? "the charge point as a whole (connector 0)" : "connector " + connectorId)
                + " and card " + idTag + (parentIdTag == null ? "" : " of group " + parentIdTag);
        lasting = until;
        answered = context.platform().send(new ReserveNowRequest(connectorId, expiry, idTag, parentIdTag, reservationId))
                .status();
        reservedAt = context.scene().lastAction;
        if (answered == ReservationStatus.Accepted) {
            context.scene().reservationId = reservationId;
            ReusableStates.cancelAfterwards(context, reservationId);
        }
    }

    public void assertAnswered(ReservationStatus expected) {
        if (answered != expected) {
            throw new AssertionError("expected " + requested + " to be answered " + expected + "; it was answered " + answered
                    + (expected == ReservationStatus.Accepted ? "" : " (" + why(expected) + ")"), null);
        }
    }

    private String why(ReservationStatus expected) {
        return switch (expected) {
            case Faulted -> "it is faulted";
            case Occupied -> "it is in use";
            case Unavailable -> "it is Unavailable";
            case Rejected -> "the station does not take reservations";
            case Accepted -> "";
        };
    }

    /** Reserved, then Available once the expiry date has passed (the reservation's own time, then the usual wait). */
    public void assertExpired() {
        order.awaitInOrder(reservedAt, lasting.plus(context.timeouts().message()),
                Expected.status(connector(), ChargePointStatus.Reserved), Expected.status(connector(), ChargePointStatus.Available));
    }

    /** SetConnectorOccupied for every connector: the cable in each, Preparing. */
    public void everyConnectorOccupied() {
        for (int connector : new Statuses(context).allConnectors()) {
            if (connector > 0) {
                context.perform(new PhysicalAction.PlugIn(connector));
                order.awaitInOrder(context.scene().lastAction, context.patience(),
                        Expected.status(connector, ChargePointStatus.Preparing));
            }
        }
    }

    /** A card other than the reserved one, at the reserved connector. */
    public void presentForeignCard(String idTag) {
        Confirmed.perform(context, new PhysicalAction.PresentCardAtReservedConnector(connector(), idTag));
    }

    /** The foreign card does not unlock the reservation: the connector reports nothing but Reserved, and nothing starts. */
    public void assertStillReserved() {
        long since = context.scene().lastAction;
        context.evidence().next(StatusNotificationRequest.class)
                .matching("for connector " + connector() + " with a status other than Reserved (the card presented is not "
                        + "the one it is reserved for)", s -> s.connectorId() == connector() && s.status() != ChargePointStatus.Reserved)
                .after(since).none(context.timeouts().quiet());
        context.evidence().next(StartTransactionRequest.class).after(since).find().ifPresent(start -> {
            throw new AssertionError("expected nothing to start at connector " + connector() + " for a card it is not reserved "
                    + "for; the station sent " + Describe.brief(start.message()), null);
        });
    }

    /** The reserved card presented: Preparing, and any Authorize since is for that card only. */
    public void assertPreparingFor(String idTag) {
        long since = context.scene().lastAction;
        order.awaitInOrder(since, context.patience(), Expected.status(connector(), ChargePointStatus.Preparing));
        context.evidence().received(AuthorizeRequest.class, since).stream()
                .filter(a -> !a.message().idTag().equalsIgnoreCase(idTag)).findFirst()
                .ifPresent(other -> {
                    throw new AssertionError("expected an Authorize, if any, for the reserved card " + idTag + "; the station "
                            + "sent Authorize for " + other.message().idTag() + " at " + Describe.time(other.entry().time()), null);
                });
    }

    /** The cable in after the card: StartTransaction for the connector and Charging, in either order. */
    public void assertStarted() {
        order.awaitInOrder(context.scene().lastAction, context.patience(), MessageOrder.start(connector()),
                Expected.status(connector(), ChargePointStatus.Charging));
    }

    /** The transaction's StartTransaction carries the card and the reservation's id. */
    public void assertStartOnTheReservation(String idTag) {
        StartTransactionRequest start = lastStart();
        Integer reservationId = context.scene().reservationId;
        if (!start.idTag().equalsIgnoreCase(idTag) || !Objects.equals(start.reservationId(), reservationId)) {
            throw new AssertionError("expected the StartTransaction on the reservation to carry card " + idTag
                    + " and reservationId " + reservationId + "; it carried card " + start.idTag() + " and "
                    + (start.reservationId() == null ? "no reservationId" : "reservationId " + start.reservationId()), null);
        }
    }

    /** The transaction after a reservation ended carries no reservationId. */
    public void assertStartWithoutReservation() {
        StartTransactionRequest start = lastStart();
        if (start.reservationId() != null) {
            throw new AssertionError("expected the StartTransaction after the reservation ended to carry no reservationId; it "
                    + "carried reservationId " + start.reservationId(), null);
        }
    }

    private StartTransactionRequest lastStart() {
        List<Received<StartTransactionRequest>> starts = context.evidence()
                .received(StartTransactionRequest.class, context.scene().start).stream()
                .filter(s -> s.message().connectorId() == connector()).toList();
        if (starts.isEmpty()) {
            throw new AssertionError("expected a StartTransaction for connector " + connector() + "; none came", null);
        }
        return starts.get(starts.size() - 1).message();
    }

    public void cancel() {
        cancel(context.scene().reservationId);
    }

    /** CancelReservation of an id the station does not have: the live one's, far off. */
    public void cancelUnknown() {
        cancel(context.scene().reservationId + UNKNOWN_OFFSET);
    }

    private void cancel(int reservationId) {
        cancelledId = reservationId;
        cancelled = context.platform().send(new CancelReservationRequest(reservationId)).status();
    }

    public void assertCancellation(CancelReservationStatus expected) {
        if (cancelled != expected) {
            boolean live = cancelledId == context.scene().reservationId;
            throw new AssertionError("expected CancelReservation of " + (live ? "the live reservation " : "reservation ")
                    + cancelledId + (live ? "" : ", which the station does not have (its reservation is "
                    + context.scene().reservationId + ")") + ", to be answered " + expected + "; it was answered " + cancelled,
                    null);
        }
    }
}
