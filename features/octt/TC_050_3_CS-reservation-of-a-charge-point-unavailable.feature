@octt @TC_050_3_CS @reservation @reserve-connector-zero
Feature: TC_050_3_CS Reservation of a Charge Point - Unavailable
  A charge point taken out of service as a whole cannot be reserved, and it says why: Unavailable.
  The case needs ReserveConnectorZeroSupported to be true. The source labels the check of the
  ChangeAvailability answer in its reusable state SetChargePointUnavailable "ReserveNow.conf", an
  evident slip; it is judged as the ChangeAvailability answer it is.

  Tool validations (OCTT for OCPP 1.6, TC_050_3_CS):
  - ReserveNow for connector 0 is answered Unavailable

  Scenario: An unavailable charge point is not reserved
    Given the charge point is unavailable
    When the central system reserves the charge point as a whole for the accepted card
    Then the station answers the reservation Unavailable
