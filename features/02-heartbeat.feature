@case-02
Feature: Heartbeat (automatic)
  The station shows it is alive by sending Heartbeats at the interval the platform sets.

  Acceptance criteria (test script, case 2):
  - Receive OCPP command from CS i.e. heartbeat registered
  - When CS is not providing heartbeat, send OCPP command to see heartbeat
  - Provide TCPIP default heartbeat at least every 1 hour from CS (configurable under Set Configuration)

  Background:
    Given the station is connected and has booted

  Scenario: Heartbeats arrive without being asked for
    Then the station sends a Heartbeat on its own

  Scenario: A Heartbeat on request
    When the central system asks for a Heartbeat with TriggerMessage
    Then the station accepts the TriggerMessage
    And a Heartbeat arrives

  Scenario: The heartbeat interval is at most one hour and can be set
    Then the station's HeartbeatInterval is at most 3600 seconds
    When the central system sets HeartbeatInterval to the test interval
    Then Heartbeats arrive at the test interval
