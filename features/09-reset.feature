@case-09
Feature: Reset CS (both hard and soft reset)
  The platform can restart the station, and the station comes back online by itself.

  Acceptance criteria (test script, case 9):
  - Hard reset (ResetType 0): Charging Station comes online after reset (BootNotification message,
    StatusNotification message, etc.)
  - Soft reset (ResetType 1): Charging Station comes online after reset (BootNotification message,
    StatusNotification message, etc.)

  A step that ends in "as OCPP 1.6 requires" checks more than the script asks: a miss is shown in the
  case's result as "not as OCPP 1.6 requires", and fails the case only with chargecheck.strict=true.

  Background:
    Given the station is connected and has booted

  Scenario: The station comes back after a hard reset
    When the central system resets the station Hard
    Then the station comes back online with a BootNotification
    And the station reports its status
    And connector 0 and every connector report their status, as OCPP 1.6 requires

  Scenario: The station comes back after a soft reset
    When the central system resets the station Soft
    Then the station comes back online with a BootNotification
    And the station reports its status
    And connector 0 and every connector report their status, as OCPP 1.6 requires
