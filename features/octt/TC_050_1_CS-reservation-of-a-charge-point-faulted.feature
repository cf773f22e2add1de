@octt @TC_050_1_CS @reservation @reserve-connector-zero @manual-step
Feature: TC_050_1_CS Reservation of a Charge Point - Faulted
  A charge point that is out of order as a whole cannot be reserved, and it says why: Faulted. The
  case needs ReserveConnectorZeroSupported to be true.

  Tool validations (OCTT for OCPP 1.6, TC_050_1_CS):
  - ReserveNow for connector 0 is answered Faulted

  Scenario: A faulted charge point is not reserved
    Given the charge point is faulted
    When the central system reserves the charge point as a whole for the accepted card
    Then the station answers the reservation Faulted
