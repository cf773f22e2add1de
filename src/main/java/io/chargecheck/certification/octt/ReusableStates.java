package io.chargecheck.certification.octt;

import io.chargecheck.certification.Context;
import io.chargecheck.certification.PhysicalAction;
import io.chargecheck.certification.octt.MessageOrder.Expected;
import io.chargecheck.centralsystem.JournalEntry;
import io.chargecheck.ocpp.message.Core.AuthorizeRequest;
import io.chargecheck.ocpp.message.Core.AvailabilityStatus;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ConfigurationStatus;
import io.chargecheck.ocpp.message.Core.KeyValue;
import io.chargecheck.ocpp.message.Core.RemoteStartStopStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionResponse;
import io.chargecheck.ocpp.message.Core.StopTransactionRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import io.chargecheck.ocpp.message.SmartCharging.ChargingProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentest4j.TestAbortedException;

/**
 * The OCA's reusable and memory states (the appendix of its document): the situations its cases
 * start from, reached the way the OCA reaches them and checked as it checks them. A state that
 * needs a hand asks the person at a live charger and waits for the charger to show it.
 */
public final class ReusableStates {

    /** How long a reservation of a case lasts when the case does not let it expire. */
    static final Duration RESERVATION = Duration.ofMinutes(10);
    private static final AtomicInteger RESERVATION_IDS = new AtomicInteger(7_000);

    private final Context context;
    private final MessageOrder order;

    public ReusableStates(Context context) {
        this.context = context;
        this.order = new MessageOrder(context);
    }

    private int connector() {
        return context.connector();
    }

    private Duration patience() {
        return context.patience();
    }

    /**
     * Charging: the cable in first, then a remote start with the valid card; an Authorize when
     * AuthorizeRemoteTxRequests is true; StartTransaction, and Charging in either order with it.
     * Remembers the transaction in the scene.
     */
    public int charging() {
        return charging(context.settings().acceptedIdTag(), null);
    }

    /** Charging with this card (the OCA's "Charging with <Configured Valid IdTag 2>"). */
    public int charging(String card) {
        return charging(card, null);
    }

    /** Charging, with this charging profile in the remote start (TC_059_CS: "with a ChargingProfile"); null for none. */
    public int charging(ChargingProfile profile) {
        return charging(context.settings().acceptedIdTag(), profile);
    }

    private int charging(String card, ChargingProfile profile) {
        boolean authorizeRemote = isTrue(context.platform().readKey("AuthorizeRemoteTxRequests"));
        boolean reserved = isCurrently(ChargePointStatus.Reserved);
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.PlugIn(connector()));
        if (!reserved) {
            order.awaitInOrder(before, patience(), Expected.status(connector(), ChargePointStatus.Preparing));
        }
        long start = context.evidence().mark();
        RemoteStartStopStatus answer = context.platform().send(new RemoteStartTransactionRequest(connector(), card, profile))
                .status();
        if (answer != RemoteStartStopStatus.Accepted) {
            throw new AssertionError("expected RemoteStartTransaction to be Accepted (reusable state Charging); it was " + answer,
                    null);
        }
        List<JournalEntry> seen = authorizeRemote
                ? order.awaitInOrder(start, patience(), authorizeOf(card), MessageOrder.start(connector()),
                        Expected.status(connector(), ChargePointStatus.Charging))
                : order.awaitInOrder(start, patience(), MessageOrder.start(connector()),
                        Expected.status(connector(), ChargePointStatus.Charging));
        JournalEntry startTransaction = seen.stream().filter(e -> e.action() == io.chargecheck.ocpp.Action.StartTransaction)
                .findFirst().orElseThrow();
        int transactionId = context.evidence().answerTo(startTransaction)
                .flatMap(a -> a.message(StartTransactionResponse.class)).map(StartTransactionResponse::transactionId)
                .orElseThrow(() -> new AssertionError("the central system's answer to the StartTransaction is not in its journal",
                        null));
        context.scene().transactionId = transactionId;
        return transactionId;
    }

    /** Authorized: the card presented, its Authorize answered Accepted, and Preparing (in either order) unless already. */
    public void authorized(String idTag) {
        boolean preparing = isCurrently(ChargePointStatus.Preparing);
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.PresentCard(connector(), idTag, "to start a charging session"));
        order.awaitInOrder(before, patience(), authorizeOf(idTag));
        if (!preparing) {
            context.evidence().next(io.chargecheck.ocpp.message.Core.StatusNotificationRequest.class)
                    .matching("for connector " + connector() + " with status Preparing",
                            s -> s.connectorId() == connector() && s.status() == ChargePointStatus.Preparing)
                    .after(before).within(patience());
        }
    }

    /** SetConnectorOccupied: the cable in, Preparing. */
    public void connectorOccupied() {
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.PlugIn(connector()));
        order.awaitInOrder(before, patience(), Expected.status(connector(), ChargePointStatus.Preparing));
    }

    /** SetConnectorFaulted: the person makes the connector faulty, Faulted. */
    public void connectorFaulted() {
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.CauseFault(connector()));
        order.awaitInOrder(before, patience(), Expected.status(connector(), ChargePointStatus.Faulted));
    }

    /** SetChargePointFaulted: the whole charge point faulty, Faulted for connector 0 and every connector. */
    public void chargePointFaulted() {
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.CauseStationWideFault());
        context.scene().lastAction = before;
        new io.chargecheck.certification.Statuses(context).awaitEveryConnector(ChargePointStatus.Faulted, before, patience());
    }

    /** SetConnectorUnavailable: ChangeAvailability Inoperative for the connector, Accepted, Unavailable. */
    public void connectorUnavailable() {
        changeAvailability(connector());
        order.awaitInOrder(context.scene().lastAction, context.timeouts().message(),
                Expected.status(connector(), ChargePointStatus.Unavailable));
    }

    /** SetChargePointUnavailable: ChangeAvailability Inoperative for connector 0, Accepted, Unavailable everywhere. */
    public void chargePointUnavailable() {
        changeAvailability(0);
        new io.chargecheck.certification.Statuses(context).awaitEveryConnector(ChargePointStatus.Unavailable,
                context.timeouts().message());
    }

    /** SetConnectorUnavailable for every connector but the one under test (the OCA's "all connectors not under test"). */
    public void otherConnectorsUnavailable() {
        for (int other : new io.chargecheck.certification.Statuses(context).allConnectors()) {
            if (other != 0 && other != connector()) {
                changeAvailability(other);
                order.awaitInOrder(context.scene().lastAction, context.timeouts().message(),
                        Expected.status(other, ChargePointStatus.Unavailable));
            }
        }
    }

    private void changeAvailability(int connectorId) {
        AvailabilityStatus status = context.platform().send(new ChangeAvailabilityRequest(connectorId,
                AvailabilityType.Inoperative)).status();
        if (status != AvailabilityStatus.Accepted) {
            throw new AssertionError("expected ChangeAvailability Inoperative for connector " + connectorId
                    + " to be Accepted; it was " + status, null);
        }
    }

    /** Reserved: ReserveNow for the connector and the card, Accepted, Reserved. Returns the reservation id. */
    public int reserved(int connectorId, String idTag) {
        int reservationId = RESERVATION_IDS.incrementAndGet();
        Instant expiry = Instant.now().plus(RESERVATION).truncatedTo(ChronoUnit.SECONDS);
        ReservationStatus status = context.platform().send(new ReserveNowRequest(connectorId, expiry, idTag, null,
                reservationId)).status();
        if (status != ReservationStatus.Accepted) {
            throw new AssertionError("expected ReserveNow for connector " + connectorId + " to be Accepted; it was " + status,
                    null);
        }
        cancelAfterwards(context, reservationId);
        if (connectorId > 0) {
            order.awaitInOrder(context.scene().lastAction, context.timeouts().message(),
                    Expected.status(connectorId, ChargePointStatus.Reserved));
        }
        return reservationId;
    }

    /** A live charger keeps a reservation after the case unless it is cancelled; one already used or expired is Rejected. */
    static void cancelAfterwards(Context context, int reservationId) {
        context.scene().afterwards(() -> context.platform().send(new CancelReservationRequest(reservationId)));
    }

    /**
     * IdTagCached: a whole session with the valid card, stopped with the card and unplugged, so that
     * the card is in the authorization cache.
     */
    public void idTagCached() {
        int transactionId = charging();
        long before = context.evidence().mark();
        context.perform(new PhysicalAction.PresentCard(connector(), context.settings().acceptedIdTag(),
                "to stop the running session"));
        order.awaitInOrder(before, patience(), MessageOrder.stop(transactionId),
                Expected.status(connector(), ChargePointStatus.Finishing));
        long unplugged = context.evidence().mark();
        context.perform(new PhysicalAction.Unplug(connector()));
        order.awaitInOrder(unplugged, patience(), Expected.status(connector(), ChargePointStatus.Available));
        context.scene().transactionId = null;
    }

    /** IdTagLocalAuthList: a full local list of version 1 with the card Accepted. */
    public void idTagInLocalList(String idTag) {
        UpdateStatus status = context.platform().send(new SendLocalListRequest(1,
                List.of(new AuthorizationData(idTag, new IdTagInfo(null, null, AuthorizationStatus.Accepted))),
                UpdateType.Full)).status();
        if (status != UpdateStatus.Accepted) {
            throw new AssertionError("expected SendLocalList with the card to be Accepted; it was " + status, null);
        }
    }

    /**
     * The configuration a case starts from (its "Before"). A key that already has the value is
     * left alone; RebootRequired is applied by a soft reset. A key the case needs that the station
     * will not take leaves the case not tested; with {@code optional}, a key the station does not
     * have (OCTT's "if implemented") is passed over.
     */
    public void configure(Map<String, String> keys, boolean optional) {
        Map<String, KeyValue> current = context.platform().readConfiguration();
        for (Map.Entry<String, String> wanted : keys.entrySet()) {
            Optional<KeyValue> key = current.values().stream().filter(k -> k.key().equalsIgnoreCase(wanted.getKey())).findFirst();
            if (key.isPresent() && wanted.getValue().equalsIgnoreCase(String.valueOf(key.get().value()).strip())) {
                continue;
            }
            if (key.isEmpty() && optional) {
                continue;
            }
            ConfigurationStatus status = context.platform().changeConfiguration(wanted.getKey(), wanted.getValue());
            if (status == ConfigurationStatus.RebootRequired) {
                context.scene().rebootRequired.add(wanted.getKey());
            } else if (status != ConfigurationStatus.Accepted && !(optional && status == ConfigurationStatus.NotSupported)) {
                throw new TestAbortedException("the case needs " + wanted.getKey() + " = " + wanted.getValue()
                        + ", and the station answered " + status);
            }
        }
        new io.chargecheck.certification.Resets(context).applyRebootRequiredChanges();
    }

    private boolean isCurrently(ChargePointStatus status) {
        return new io.chargecheck.certification.Statuses(context).current(connector()).orElse(null) == status;
    }

    static Expected authorizeOf(String idTag) {
        return Expected.call(AuthorizeRequest.class, "Authorize for card " + idTag, a -> a.idTag().equalsIgnoreCase(idTag));
    }

    static Expected stopBy(String idTag) {
        return Expected.call(StopTransactionRequest.class, "StopTransaction with card " + idTag,
                s -> s.idTag() != null && s.idTag().equalsIgnoreCase(idTag));
    }

    private static boolean isTrue(Optional<KeyValue> key) {
        return key.map(KeyValue::value).map(v -> v.strip().equalsIgnoreCase("true")).orElse(false);
    }
}
