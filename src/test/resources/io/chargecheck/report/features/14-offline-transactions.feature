@case-14
Feature: Get past charge transactions
  Test case 14 of the platform's OCPP 1.6 test script.

  - When Charging Station reconnects, after being offline, the cached transactions must be sent
    to the server automatically

  Scenario: Transaction ends while offline
    Given the charge station is connected
    Then case 14 holds
