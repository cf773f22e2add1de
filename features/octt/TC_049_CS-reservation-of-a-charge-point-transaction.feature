@octt @TC_049_CS @reservation @reserve-connector-zero @manual-step
Feature: TC_049_CS Reservation of a Charge Point - Transaction
  A reservation of the charge point as a whole (connector 0) holds a connector for the card: with
  the other connectors Unavailable, the one left reports Reserved, and the transaction the card
  starts there names the reservation. The case needs ReserveConnectorZeroSupported to be true.

  Tool validations (OCTT for OCPP 1.6, TC_049_CS):
  - ReserveNow for connector 0 is answered Accepted, and the connector reports Reserved
  - the reusable state Charging (an Authorize is optional)
  - StartTransaction carries the reserved card and the reservationId

  Scenario: A reservation of the charge point is used on its free connector
    Given every other connector is unavailable
    When the central system reserves the charge point as a whole for the accepted card
    Then the station answers the reservation Accepted
    And the connector reports Reserved
    When the connector is charging
    Then the StartTransaction names the reservation and the accepted card
