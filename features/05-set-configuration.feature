@case-05
Feature: Set configuration (set parameters that can be configured)
  The platform can change the station's writable configuration keys. Each key is set to the value
  it already has, so the test changes nothing on the station.

  Acceptance criteria (test script, case 5):
  - After sending ChangeConfiguration (per item) a message with status Accepted must be received
    (and not "Not Supported", "Not implemented")

  Background:
    Given the station is connected and has booted
    And the central system has read the whole configuration

  Scenario: Every writable key accepts a change
    When the central system sets every writable key to its current value
    Then the station accepts every change

  Scenario: A read-only key cannot be changed
    When the central system tries to change a read-only key
    Then the station rejects the change
