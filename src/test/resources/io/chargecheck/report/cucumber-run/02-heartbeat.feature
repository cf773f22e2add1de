Feature: Heartbeat (automatic)
  - Receive OCPP command from CS i.e. heartbeat registered

  Scenario: A triggered heartbeat
    Then the report fixture expects "Accepted" but sees "Rejected"
