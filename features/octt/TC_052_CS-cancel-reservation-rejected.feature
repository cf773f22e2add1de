@octt @TC_052_CS @reservation
Feature: TC_052_CS Cancel Reservation - Rejected
  Cancelling a reservation the station does not have is refused, and the reservation it has is not
  touched.

  Tool validations (OCTT for OCPP 1.6, TC_052_CS):
  - CancelReservation with a reservationId other than the live one is answered Rejected

  Scenario: An unknown reservation cannot be cancelled
    Given the connector is reserved for the accepted card
    When the central system cancels a reservation the station does not have
    Then the station rejects the cancellation
