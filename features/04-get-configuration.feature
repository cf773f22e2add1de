@case-04
Feature: Get configuration (list parameters that can be read)
  The platform can read the station's configuration keys.

  Acceptance criteria (test script, case 4):
  - After sending GetConfiguration() the Charge Station must respond with a GetConfiguration message,
    containing the total number of items, followed by a message with the complete list of items

  Background:
    Given the station is connected and has booted

  Scenario: The whole configuration is listed
    When the central system asks for the whole configuration
    Then the station lists its configuration keys
    And the list holds the keys OCPP 1.6 requires of every station

  Scenario: An unknown key is reported as unknown
    When the central system asks for the configuration key "ChargeCheckNoSuchKey"
    Then the station reports "ChargeCheckNoSuchKey" as an unknown key
