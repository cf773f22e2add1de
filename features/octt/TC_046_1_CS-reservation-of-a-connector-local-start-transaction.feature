@octt @TC_046_1_CS @reservation @manual-step
Feature: TC_046_1_CS Reservation of a Connector - Local start transaction
  A reserved connector waits for the card it is reserved for: another driver's card does not
  unlock it, the reserved card does, and the transaction that follows names the reservation. The
  other connectors are made Unavailable first, so that the reservation cannot go elsewhere. The
  station may ask the central system about the reserved card; if it does, the Authorize is for
  that card. The source labels the Authorize check step 8, though the Authorize is step 6; it is
  judged where it happens.

  Tool validations (OCTT for OCPP 1.6, TC_046_1_CS):
  - ReserveNow is answered Accepted, and the connector reports Reserved
  - another driver's card does not unlock the reservation
  - an Authorize, if sent, is for the reserved card, and the connector reports Preparing
  - StartTransaction carries the reserved card and the reservationId, and the connector reports Charging

  Scenario: Only the reserved card starts on a reserved connector
    Given every other connector is unavailable
    And the connector is reserved for the accepted card
    When the EV driver presents the other card at the reserved connector
    Then the connector stays Reserved
    When the EV driver presents the accepted card
    Then the connector reports Preparing, any Authorize being for the accepted card
    When the EV driver plugs the cable into the connector
    Then a transaction starts on the connector, which reports Charging
    And the StartTransaction names the reservation and the accepted card
