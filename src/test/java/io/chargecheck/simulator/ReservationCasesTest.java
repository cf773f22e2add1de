package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChangeAvailabilityRequest;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.RemoteStartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StartTransactionRequest;
import io.chargecheck.ocpp.message.Core.StatusNotificationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationRequest;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReserveNowRequest;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;

/** What the Reservation cases of the OCA's plan ask (OCTT 1.6, section 2.20): of a connector and of the station. */
class ReservationCasesTest {

    private static final String CP = "CP-RES";

    private Bench bench;
    private ChargePointSimulator cp;

    @AfterEach
    void close() {
        bench.close();
    }

    /** TC_048_1, TC_048_2, TC_048_3: a faulted, occupied or unavailable connector cannot be reserved. */
    @SideBySide
    void aConnectorThatIsFaultedOccupiedOrUnavailableIsNotReserved() {
        boot(false);
        cp.injectFault(1, ChargePointErrorCode.GroundFailure, null);
        assertThat(reserve(1, "GOOD-1", null, 1)).isEqualTo(ReservationStatus.Faulted);
        cp.clearFault(1);
        cp.plugIn(1);
        assertThat(reserve(1, "GOOD-1", null, 2)).isEqualTo(ReservationStatus.Occupied);
        cp.unplug(1);
        bench.call(CP, new ChangeAvailabilityRequest(1, AvailabilityType.Inoperative));
        assertThat(reserve(1, "GOOD-1", null, 3)).isEqualTo(ReservationStatus.Unavailable);
    }

    /** TC_047: an unused reservation expires, the connector is Available again and starts without its reservationId. */
    @SideBySide
    void aReservationExpires() {
        boot(false);
        long mark = bench.mark();
        assertThat(bench.call(CP, new ReserveNowRequest(1, Instant.now().plusSeconds(1), "GOOD-1", null, 5)).status())
                .isEqualTo(ReservationStatus.Accepted);
        bench.awaitSent(CP, StatusNotificationRequest.class, mark, s -> s.status() == ChargePointStatus.Available);
        assertThat(bench.trail(CP, mark)).containsExactly("StatusNotification 1 Reserved", "StatusNotification 1 Available");

        cp.plugIn(1);
        cp.presentCard(1, "GOOD-2");
        assertThat(bench.awaitSent(CP, StartTransactionRequest.class, mark).reservationId()).isNull();
    }

    /** TC_051, TC_052: a live reservation is cancelled, an unknown one is not. */
    @SideBySide
    void cancelReservation() {
        boot(false);
        assertThat(reserve(1, "GOOD-1", null, 7)).isEqualTo(ReservationStatus.Accepted);
        assertThat(bench.call(CP, new CancelReservationRequest(8)).status()).isEqualTo(CancelReservationStatus.Rejected);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Reserved);
        long mark = bench.mark();
        assertThat(bench.call(CP, new CancelReservationRequest(7)).status()).isEqualTo(CancelReservationStatus.Accepted);
        bench.awaitTrail(CP, mark, "StatusNotification 1 Available");
    }

    /** TC_053: a card of the reservation's group (parentIdTag) may use it, with the reservation's id. */
    @SideBySide
    void aCardOfTheReservationsGroupUsesIt() {
        boot(false);
        bench.group("FLEET", "FLEET-1", "FLEET-2");
        assertThat(reserve(1, "FLEET-1", "FLEET", 11)).isEqualTo(ReservationStatus.Accepted);
        long mark = bench.mark();
        cp.presentCard(1, "STRANGER");
        bench.barrier(CP);
        assertThat(cp.status(1)).as("not of the group").isEqualTo(ChargePointStatus.Reserved);

        cp.presentCard(1, "FLEET-2");
        cp.plugIn(1);
        StartTransactionRequest start = bench.awaitSent(CP, StartTransactionRequest.class, mark);
        assertThat(start.idTag()).isEqualTo("FLEET-2");
        assertThat(start.reservationId()).isEqualTo(11);
    }

    /** TC_049: a reservation of the station holds its last free connector; the reserved card starts there with the id. */
    @SideBySide
    void aReservationOfTheStationHoldsItsLastFreeConnector() {
        boot(true);
        long mark = bench.mark();
        assertThat(reserve(0, "GOOD-1", null, 21)).isEqualTo(ReservationStatus.Accepted);
        bench.barrier(CP);
        assertThat(bench.sent(CP, StatusNotificationRequest.class, mark)).as("two connectors free: none held yet").isEmpty();

        cp.plugIn(2);
        cp.presentCard(2, "GOOD-2");
        assertThat(bench.trail(CP, mark)).contains("StatusNotification 1 Reserved");
        long reserved = bench.mark();
        cp.presentCard(1, "STRANGER");
        bench.barrier(CP);
        assertThat(bench.trail(CP, reserved)).containsExactly("Heartbeat");

        bench.call(CP, new RemoteStartTransactionRequest(1, "GOOD-1", null));
        cp.plugIn(1);
        StartTransactionRequest start = bench.awaitSent(CP, StartTransactionRequest.class, reserved);
        assertThat(start.connectorId()).isEqualTo(1);
        assertThat(start.reservationId()).isEqualTo(21);
    }

    /** TC_050_1, TC_050_2, TC_050_3, and without ReserveConnectorZeroSupported Rejected. */
    @SideBySide
    void aReservationOfTheStationThatIsFaultedOccupiedOrUnavailable() {
        boot(true);
        cp.injectStationFault(ChargePointErrorCode.HighTemperature, null);
        assertThat(cp.status(1)).isEqualTo(ChargePointStatus.Faulted);
        assertThat(reserve(0, "GOOD-1", null, 1)).isEqualTo(ReservationStatus.Faulted);
        for (int connector = 0; connector <= 2; connector++) {
            cp.clearFault(connector);
        }
        cp.plugIn(1);
        cp.plugIn(2);
        assertThat(reserve(0, "GOOD-1", null, 2)).isEqualTo(ReservationStatus.Occupied);
        cp.unplug(1);
        cp.unplug(2);
        bench.call(CP, new ChangeAvailabilityRequest(0, AvailabilityType.Inoperative));
        assertThat(reserve(0, "GOOD-1", null, 3)).isEqualTo(ReservationStatus.Unavailable);

        ChargePointSimulator plain = bench.boot(bench.config("CP-PLAIN"));
        assertThat(plain.configuration("ReserveConnectorZeroSupported")).contains("false");
        assertThat(bench.call("CP-PLAIN", new ReserveNowRequest(0, Instant.now().plusSeconds(60), "GOOD-1", null, 4)).status())
                .isEqualTo(ReservationStatus.Rejected);
    }

    private void boot(boolean reserveConnectorZero) {
        bench = Bench.start();
        cp = bench.boot(bench.config(CP).reserveConnectorZero(reserveConnectorZero));
    }

    private ReservationStatus reserve(int connector, String idTag, String parentIdTag, int reservationId) {
        return bench.call(CP, new ReserveNowRequest(connector, Instant.now().plusSeconds(60), idTag, parentIdTag,
                reservationId)).status();
    }
}
