@octt @TC_084_CS @security @security-profile-2 @security-profile-3
Feature: TC_084_CS Downgrade security profile - Rejected
  A station never lowers its security profile when a central system asks: whoever can send it one
  message could otherwise strip its connection of TLS or of its certificate.

  Tool validations (OCTT for OCPP 1.6, TC_084_CS):
  - ChangeConfiguration SecurityProfile (one lower) is Rejected

  Scenario: The station refuses a lower security profile
    When the central system lowers the station's SecurityProfile by one
    Then the station rejects the lower security profile
