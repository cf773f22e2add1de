@octt @TC_055_CS @remote-trigger
Feature: TC_055_CS Trigger Message - Rejected
  Meter values asked for a connector the station does not have (one more than NumberOfConnectors)
  are refused, and nothing is sent. A CALLERROR instead of the answer Rejected is tolerated.

  Tool validations (OCTT for OCPP 1.6, TC_055_CS):
  - TriggerMessage MeterValues for connector NumberOfConnectors + 1 is answered Rejected (a CALLERROR is tolerated)
  - no MeterValues follow

  Scenario: A trigger for a connector the station does not have is refused
    When the central system triggers MeterValues for a connector the station does not have
    Then the station rejects the trigger
    And no MeterValues follow
