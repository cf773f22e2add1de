@octt @TC_048_3_CS @reservation
Feature: TC_048_3_CS Reservation of a Connector - Unavailable
  A connector taken out of service cannot be reserved, and the station says why: Unavailable.

  Tool validations (OCTT for OCPP 1.6, TC_048_3_CS):
  - ReserveNow for the Inoperative connector is answered Unavailable

  Scenario: An unavailable connector is not reserved
    Given the connector is unavailable
    When the central system reserves the connector for the accepted card
    Then the station answers the reservation Unavailable
