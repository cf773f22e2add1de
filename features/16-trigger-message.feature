@case-16
Feature: TriggerMessage
  The platform can ask the station to send a message now, for example its status after a boot.

  Acceptance criteria (test script, case 16):
  - After booting the centralsystem will send a TriggerMessage requesting the status of the charger

  Background:
    Given the station is connected and has booted

  Scenario: A StatusNotification on request after boot
    When the central system asks for a StatusNotification with TriggerMessage
    Then the station accepts the TriggerMessage
    And a StatusNotification arrives

  Scenario Outline: Other messages on request
    When the central system asks for a <message> with TriggerMessage
    Then the station accepts the TriggerMessage
    And a <message> arrives

    Examples:
      | message                       |
      | BootNotification              |
      | Heartbeat                     |
      | MeterValues                   |
      | FirmwareStatusNotification    |
      | DiagnosticsStatusNotification |
