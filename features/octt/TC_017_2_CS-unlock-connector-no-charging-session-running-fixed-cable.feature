@octt @TC_017_2_CS @core @fixed-cable
Feature: TC_017_2_CS Unlock connector - no charging session running (Fixed cable)
  A station with a fixed cable has no socket lock to open: it answers an unlock request with
  NotSupported rather than pretending. The case is for a station with a fixed cable.

  Tool validations (OCTT for OCPP 1.6, TC_017_2_CS):
  - UnlockConnector is answered NotSupported

  Scenario: A fixed cable cannot be unlocked
    When the central system asks the station to unlock the connector
    Then the station answers the unlock NotSupported
