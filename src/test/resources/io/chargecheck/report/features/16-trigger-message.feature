@case-16
Feature: TriggerMessage
  Test case 16 of the platform's OCPP 1.6 test script.

  - After booting the central system will send a TriggerMessage requesting the status of the charger

  Scenario: Trigger a StatusNotification
    Given the charge station is connected
    Then case 16 holds
