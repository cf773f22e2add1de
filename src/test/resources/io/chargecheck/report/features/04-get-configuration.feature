@case-04
Feature: Get configuration (list parameters that can be read)
  Test case 4 of the platform's OCPP 1.6 test script.

  - After sending GetConfiguration() the Charge Station must respond with the complete list of items

  Scenario: The full list
    Given the charge station is connected
    Then case 4 holds
