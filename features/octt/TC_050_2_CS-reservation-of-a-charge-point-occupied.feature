@octt @TC_050_2_CS @reservation @reserve-connector-zero @manual-step
Feature: TC_050_2_CS Reservation of a Charge Point - Occupied
  A charge point whose every connector has a cable in it cannot be reserved, and it says why:
  Occupied. The person at the bench plugs a cable into every connector. The case needs
  ReserveConnectorZeroSupported to be true.

  Tool validations (OCTT for OCPP 1.6, TC_050_2_CS):
  - ReserveNow for connector 0 is answered Occupied

  Scenario: A fully occupied charge point is not reserved
    Given every connector is occupied
    When the central system reserves the charge point as a whole for the accepted card
    Then the station answers the reservation Occupied
