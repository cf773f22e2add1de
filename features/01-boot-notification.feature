@case-01
Feature: Boot notification
  When a charge station starts, it introduces itself to the platform with a BootNotification.

  Acceptance criteria (test script, case 1):
  - Receive a (not empty) BootNotification message, containing chargePointModel and chargePointVendor
    (required by OCPP 1.6)
  - The BootNotification contains chargePointSerialNumber, iccid, chargePointVendor, firmwareVersion
    and chargePointModel

  Background:
    Given the station is connected and has booted

  Scenario: The BootNotification names the vendor and the model
    Then the station's BootNotification names its vendor and its model

  Scenario: The BootNotification carries the fields the platform requires
    Then the station's BootNotification carries every field the platform requires
