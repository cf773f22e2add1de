@octt @TC_018_2_CS @core @manual-step @fixed-cable
Feature: TC_018_2_CS Unlock Connector - With Charging Session (Fixed cable)
  A station with a fixed cable answers an unlock request with NotSupported even during a session,
  and the session goes on. The case is for a station with a fixed cable (the source's section
  heading leaves out "(Fixed cable)"; its table names it, as here).

  Tool validations (OCTT for OCPP 1.6, TC_018_2_CS):
  - UnlockConnector is answered NotSupported
  - the transaction goes on: no StopTransaction

  Scenario: A fixed cable is not unlocked during a session
    Given the connector is charging
    When the central system asks the station to unlock the connector
    Then the station answers the unlock NotSupported
    And the station keeps the transaction running
