@octt @TC_040_1_CS @core
Feature: TC_040_1_CS Configuration key - NotSupported
  A change of a configuration key the station does not have is answered NotSupported.

  Tool validations (OCTT for OCPP 1.6, TC_040_1_CS):
  - ChangeConfiguration of the key "Testing" to "true" is answered NotSupported

  Scenario: An unknown key cannot be changed
    When the central system sets the key Testing, which the station does not have, to true
    Then the station answers the change NotSupported
