@case-15
Feature: Clear cache (if applicable)
  Test case 15 of the platform's OCPP 1.6 test script.

  - After sending the ClearCache, a message with status Accepted must be received

  Scenario: Clear the cache
    Given the charge station is connected
    Then case 15 holds
