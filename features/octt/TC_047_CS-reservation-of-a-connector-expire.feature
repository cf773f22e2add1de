@octt @TC_047_CS @reservation @manual-step
Feature: TC_047_CS Reservation of a Connector - Expire
  A reservation nobody uses ends at its expiry date: the connector is Available again and another
  driver can charge there. The reservation lasts the OCA's configured expiry offset
  (chargecheck.octt.reservationExpiryOffset, 3 s on the simulator and 60 s at a live charger by
  default); the other connectors are made Unavailable first.

  Tool validations (OCTT for OCPP 1.6, TC_047_CS):
  - ReserveNow is answered Accepted, and the connector reports Reserved
  - after the expiry date, the connector reports Available
  - the reusable state Charging with another driver's card

  Scenario: An unused reservation expires
    Given every other connector is unavailable
    When the central system reserves the connector for the accepted card until shortly from now
    Then the station answers the reservation Accepted
    And the connector reports Reserved
    And the connector reports Available once the reservation has expired
    And the connector is charging for the other card
