@octt @TC_048_2_CS @reservation @manual-step
Feature: TC_048_2_CS Reservation of a Connector - Occupied
  A connector with a cable in it cannot be reserved, and the station says why: Occupied.

  Tool validations (OCTT for OCPP 1.6, TC_048_2_CS):
  - ReserveNow for the occupied connector is answered Occupied

  Scenario: An occupied connector is not reserved
    Given the connector is occupied
    When the central system reserves the connector for the accepted card
    Then the station answers the reservation Occupied
