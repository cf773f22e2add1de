@case-05
Feature: Set configuration (set parameters that can be configured)
  Test case 5 of the platform's OCPP 1.6 test script.

  - After sending ChangeConfiguration (per item) a message with status Accepted must be received
    (and not "Not Supported", "Not implemented")

  Scenario: Every writable key
    Given the charge station is connected
    Then case 5 holds
