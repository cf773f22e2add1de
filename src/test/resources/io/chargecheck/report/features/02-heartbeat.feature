@case-02
Feature: Heartbeat (automatic)
  Test case 2 of the platform's OCPP 1.6 test script.

  - Receive OCPP command from CS i.e. heartbeat registered
  - When CS is not providing heartbeat, send OCPP command to see heartbeat
  - Provide TCPIP default heartbeat at least every 1 hour from CS
    (configurable under Set Configuration)

  Scenario: Heartbeats arrive unprompted
    Given the charge station is connected
    Then case 2 holds

  Scenario: A triggered heartbeat
    Given the charge station is connected
    Then case 2 holds
