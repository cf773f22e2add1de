@case-16
Feature: TriggerMessage
  The platform can ask the station to send a message now, for example its status after a boot.

  Acceptance criteria (test script, case 16):
  - After booting the centralsystem will send a TriggerMessage requesting the status of the charger

  The script asks for the status. The other messages a station can be asked for are checked too,
  as OCPP 1.6 requires: a miss is shown in the case's result as "not as OCPP 1.6 requires", and
  fails the case only with chargecheck.strict=true.

  Background:
    Given the station is connected and has booted

  Scenario: A StatusNotification on request after boot
    When the central system asks for a StatusNotification with TriggerMessage
    Then the station accepts the TriggerMessage
    And a StatusNotification arrives

  Scenario Outline: Other messages on request, as OCPP 1.6 requires
    When the central system asks for a <message> with TriggerMessage
    Then the station accepts the TriggerMessage, as OCPP 1.6 requires
    And a <message> arrives, as OCPP 1.6 requires

    Examples:
      | message                       |
      | BootNotification              |
      | Heartbeat                     |
      | MeterValues                   |
      | FirmwareStatusNotification    |
      | DiagnosticsStatusNotification |
