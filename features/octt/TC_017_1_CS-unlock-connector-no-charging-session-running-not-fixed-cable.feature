@octt @TC_017_1_CS @core @detachable-cable
Feature: TC_017_1_CS Unlock connector - no charging session running (Not fixed cable)
  A support desk unlocks a socket remotely when a driver cannot get a cable out. A station with
  a socket unlocks the connector on request and says it did. The case is for a station without a
  fixed cable.

  Tool validations (OCTT for OCPP 1.6, TC_017_1_CS):
  - UnlockConnector is answered Unlocked

  Scenario: An idle socket unlocks on request
    When the central system asks the station to unlock the connector
    Then the station answers the unlock Unlocked
