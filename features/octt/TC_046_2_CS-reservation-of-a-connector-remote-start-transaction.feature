@octt @TC_046_2_CS @reservation @manual-step
Feature: TC_046_2_CS Reservation of a Connector - Remote start transaction
  A connector reserved for a card takes a remote start for that card, and the transaction names
  the reservation.

  Tool validations (OCTT for OCPP 1.6, TC_046_2_CS):
  - ReserveNow is answered Accepted, and the connector reports Reserved
  - the reusable state Charging (an Authorize is optional)
  - StartTransaction carries the reserved card and the reservationId

  Scenario: A remote start on a reserved connector uses the reservation
    Given the connector is reserved for the accepted card
    When the connector is charging
    Then the StartTransaction names the reservation and the accepted card
