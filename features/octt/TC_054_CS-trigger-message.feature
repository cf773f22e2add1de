@octt @TC_054_CS @remote-trigger
Feature: TC_054_CS Trigger Message
  The central system can ask the station to send a message now: meter values and the status of a
  connector, a heartbeat, and the status of diagnostics uploads and firmware updates. The station
  accepts each request and then sends the message; with nothing under way, the diagnostics and
  firmware statuses are Idle. A station may answer that it does not implement the firmware status.

  Tool validations (OCTT for OCPP 1.6, TC_054_CS):
  - TriggerMessage MeterValues, Heartbeat, StatusNotification and DiagnosticsStatusNotification are Accepted, and each message follows
  - TriggerMessage FirmwareStatusNotification is Accepted or NotImplemented
  - the triggered DiagnosticsStatusNotification has status Idle, and so has the FirmwareStatusNotification

  Scenario: Each message asked for follows its trigger
    When the central system triggers MeterValues for the connector
    Then the station accepts the trigger
    And the station sends the triggered MeterValues
    When the central system triggers a Heartbeat
    Then the station accepts the trigger
    And the station sends the triggered Heartbeat
    When the central system triggers StatusNotification for the connector
    Then the station accepts the trigger
    And the station sends the triggered StatusNotification
    When the central system triggers a DiagnosticsStatusNotification
    Then the station accepts the trigger
    And the station sends the triggered DiagnosticsStatusNotification, with status Idle
    When the central system triggers a FirmwareStatusNotification
    Then the station accepts the trigger, or answers NotImplemented
    And the station sends the triggered FirmwareStatusNotification, with status Idle, if it accepted the trigger
