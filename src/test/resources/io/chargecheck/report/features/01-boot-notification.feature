@case-01
Feature: Boot notification
  Test case 1 of the platform's OCPP 1.6 test script.

  - Receive a (not empty) BootNotification message, containing chargePointModel and
    chargePointVendor (required by OCPP 1.6)
  - The platform also requires chargePointSerialNumber, iccid and firmwareVersion

  Scenario: The charger boots and names itself
    Given the charge station is connected
    Then case 1 holds
