@octt @TC_048_4_CS @reservation @profile-not-supported
Feature: TC_048_4_CS Reservation of a Connector - Rejected
  A station without the Reservation profile turns a reservation of a connector down.

  Tool validations (OCTT for OCPP 1.6, TC_048_4_CS):
  - ReserveNow for the connector is answered Rejected

  Scenario: A station without reservations rejects one
    When the central system reserves the connector for the accepted card
    Then the station answers the reservation Rejected
