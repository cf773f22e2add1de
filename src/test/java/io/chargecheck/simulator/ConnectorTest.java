package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The OCPP 1.6 status, derived from what is going on at the connector. */
class ConnectorTest {

    private final Connector connector = new Connector(1, new Meter(0, 1, Instant.EPOCH));
    private final Connector station = new Connector(0, null);

    @Test
    void availablePreparingChargingFinishing() {
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Available);
        connector.cablePlugged = true;
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Preparing);
        connector.transaction = new Connector.Transaction(-1, "TAG", 0, Instant.EPOCH, null, null);
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Charging);
        connector.evSuspended = true;
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.SuspendedEV);
        connector.evSuspended = false;
        assertThat(connector.status(true)).as("the station cannot deliver").isEqualTo(ChargePointStatus.SuspendedEVSE);
        connector.transaction = null;
        connector.finishing = true;
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Finishing);
        connector.finishing = false;
        connector.cablePlugged = false;
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Available);
    }

    @Test
    void anAuthorisedCardWaitingForTheCableIsPreparingAndAReservationIsReserved() {
        connector.reservation = new Connector.Reservation(7, "TAG", Instant.MAX);
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Reserved);
        connector.authorizedIdTag = "TAG";
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Preparing);
    }

    @Test
    void aFaultWinsAndCarriesItsCodesUnavailableComesBeforeTheRest() {
        connector.availability = AvailabilityType.Inoperative;
        connector.cablePlugged = true;
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Unavailable);
        assertThat(connector.acceptsNewTransaction(false)).isFalse();
        connector.fault = new Connector.Fault(ChargePointErrorCode.GroundFailure, "E-1");
        assertThat(connector.report(false)).isEqualTo(new Connector.Report(ChargePointStatus.Faulted,
                ChargePointErrorCode.GroundFailure, "E-1"));
        connector.fault = null;
        connector.availability = AvailabilityType.Operative;
        assertThat(connector.report(false)).isEqualTo(new Connector.Report(ChargePointStatus.Preparing,
                ChargePointErrorCode.NoError, null));
        assertThat(connector.acceptsNewTransaction(true)).as("not while the station is faulted").isFalse();
    }

    @Test
    void theStationItselfIsAvailableUnavailableOrFaulted() {
        assertThat(station.status(false)).isEqualTo(ChargePointStatus.Available);
        station.availability = AvailabilityType.Inoperative;
        assertThat(station.status(false)).isEqualTo(ChargePointStatus.Unavailable);
        station.fault = new Connector.Fault(ChargePointErrorCode.HighTemperature, null);
        assertThat(station.status(true)).isEqualTo(ChargePointStatus.Faulted);
    }

    @Test
    void aRebootForgetsTheSessionButNotTheCableOrTheAvailability() {
        connector.cablePlugged = true;
        connector.availability = AvailabilityType.Inoperative;
        connector.transaction = new Connector.Transaction(-1, "TAG", 0, Instant.EPOCH, null, null);
        connector.finishing = true;
        connector.reported = connector.report(false);

        connector.forgetSession();

        assertThat(connector.transaction).isNull();
        assertThat(connector.reported).isNull();
        assertThat(connector.cablePlugged).isTrue();
        assertThat(connector.status(false)).isEqualTo(ChargePointStatus.Unavailable);
    }

    @Test
    void aTransactionIsKnownByItsPlaceholderUntilItsIdIsAssigned() {
        Connector.Transaction tx = new Connector.Transaction(-3, "TAG", 0, Instant.EPOCH, null, null);
        assertThat(tx.wireId()).isEqualTo(-3);
        tx.transactionId = 17;
        assertThat(tx.wireId()).isEqualTo(17);
    }
}
