@case-09
Feature: Reset CS (both hard and soft reset)
  Test case 9 of the platform's OCPP 1.6 test script.

  - Hard reset: Charging Station comes online after reset (BootNotification message,
    StatusNotification message, etc.)
  - Soft reset: Charging Station comes online after reset (BootNotification message,
    StatusNotification message, etc.)

  Scenario: Hard reset
    Given the charge station is connected
    Then case 9 holds

  Scenario: Soft reset
    Given the charge station is connected
    Then case 9 holds
