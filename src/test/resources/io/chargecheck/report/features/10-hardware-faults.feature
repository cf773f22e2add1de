@case-10
Feature: Any hardware related notifications or error conditions
  Test case 10 of the platform's OCPP 1.6 test script.

  - Create an error, notifications to be represented in the StatusNotification messages
  - Error messages on connector 0 are from the Charging Station itself

  Scenario: A hardware fault
    Given the charge station is connected
    Then case 10 holds
