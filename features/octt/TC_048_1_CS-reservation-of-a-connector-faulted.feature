@octt @TC_048_1_CS @reservation @manual-step
Feature: TC_048_1_CS Reservation of a Connector - Faulted
  A connector that is out of order cannot be reserved, and the station says why: Faulted.

  Tool validations (OCTT for OCPP 1.6, TC_048_1_CS):
  - ReserveNow for the faulted connector is answered Faulted

  Scenario: A faulted connector is not reserved
    Given the connector is faulted
    When the central system reserves the connector for the accepted card
    Then the station answers the reservation Faulted
