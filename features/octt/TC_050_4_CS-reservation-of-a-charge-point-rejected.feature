@octt @TC_050_4_CS @reservation @profile-not-supported
Feature: TC_050_4_CS Reservation of a Charge Point - Rejected
  A station without the Reservation profile turns a reservation of the charge point as a whole
  down.

  Tool validations (OCTT for OCPP 1.6, TC_050_4_CS):
  - ReserveNow for connector 0 is answered Rejected

  Scenario: A station without reservations rejects one of the charge point
    When the central system reserves the charge point as a whole for the accepted card
    Then the station answers the reservation Rejected
