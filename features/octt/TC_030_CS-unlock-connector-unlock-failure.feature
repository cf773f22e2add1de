@octt @TC_030_CS @core @manual-step @detachable-cable @unlock-failure
Feature: TC_030_CS Unlock Connector – Unlock Failure
  When the connector's lock cannot open, the station says so: UnlockConnector is answered
  UnlockFailed, not Unlocked. For a charger with a socket (a fixed cable has no lock to open and
  answers NotSupported) where an unlock failure can be provoked at the bench.

  Tool validations (OCTT for OCPP 1.6, TC_030_CS):
  - UnlockConnector is answered UnlockFailed

  Scenario: An unlock that fails is reported
    Given the lock of the connector is blocked, so that it cannot open
    When the central system sends UnlockConnector for the blocked connector
    Then the UnlockConnector of the blocked connector is answered UnlockFailed
