@octt @TC_083_CS @security @security-profile-1 @security-profile-2
Feature: TC_083_CS Upgrade security profile
  Told to raise its security profile by one, the station reconnects with it: on its own, or after a
  hard reset when its answer asks for a reboot or it does not come back by itself. First it gets
  what the profile needs: on profile 1 the central system's root certificate, on profile 2 a client
  certificate. The central system listens for the next profile on a port of its own (the console
  names it at a live charger). Lowering it again is refused by design, so a live charger keeps the
  higher profile until it is set back by hand.

  Tool validations (OCTT for OCPP 1.6, TC_083_CS):
  - ChangeConfiguration SecurityProfile (one higher) is Accepted or RebootRequired
  - Reset is Accepted and StatusNotification Available follows, where a reset is needed
  - the station reconnects with the higher security profile

  Scenario: The station reconnects with a higher security profile
    Given the station has what its next security profile needs
    When the central system raises the station's SecurityProfile by one
    Then the station reconnects with the higher security profile
