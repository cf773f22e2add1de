@octt @TC_051_CS @reservation @manual-step
Feature: TC_051_CS Cancel Reservation
  A reservation the central system cancels ends at once: the connector is Available again and
  another driver can charge there, with a transaction that names no reservation.

  Tool validations (OCTT for OCPP 1.6, TC_051_CS):
  - CancelReservation is answered Accepted, and the connector reports Available
  - the reusable state Charging with another driver's card; its StartTransaction has no reservationId

  Scenario: A cancelled reservation frees the connector
    Given the connector is reserved for the accepted card
    When the central system cancels the reservation
    Then the station accepts the cancellation
    And the connector reports Available
    When the connector is charging for the other card
    Then the StartTransaction names no reservation
