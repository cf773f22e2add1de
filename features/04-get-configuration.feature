@case-04
Feature: Get configuration (list parameters that can be read)
  The platform can read the station's configuration keys.

  Acceptance criteria (test script, case 4):
  - After sending GetConfiguration() the Charge Station must respond with a GetConfiguration message,
    containing the total number of items, followed by a message with the complete list of items

  A step that ends in "as OCPP 1.6 requires" checks more than the script asks: a miss is shown in the
  case's result as "not as OCPP 1.6 requires", and fails the case only with chargecheck.strict=true.

  Background:
    Given the station is connected and has booted

  Scenario: The whole configuration is listed
    When the central system asks for the whole configuration
    Then the station lists its configuration keys
    And the list holds the keys every station must have, as OCPP 1.6 requires

  Scenario: An unknown key is reported as unknown
    When the central system asks for the configuration key "ChargeCheckNoSuchKey"
    Then the station reports "ChargeCheckNoSuchKey" as an unknown key
