@octt @TC_018_1_CS @core @manual-step @detachable-cable
Feature: TC_018_1_CS Unlock Connector - With Charging Session (Not fixed cable)
  Unlocking a socket during a session ends the session first: the station stops the transaction,
  saying the unlock command ended it, and lets the cable go. Once the cable is out the connector
  is Available. The case is for a station without a fixed cable (the source's section heading
  leaves out "(Not fixed cable)"; its table names it, as here).

  Tool validations (OCTT for OCPP 1.6, TC_018_1_CS):
  - UnlockConnector is answered Unlocked
  - StopTransaction with reason UnlockCommand
  - StatusNotification Finishing (before or after the StopTransaction), then Available once the cable is unplugged

  Scenario: Unlocking a charging socket stops the transaction
    Given the connector is charging
    When the central system asks the station to unlock the connector
    Then the station answers the unlock Unlocked
    And the station stops the transaction with reason UnlockCommand, and the connector reports Finishing
    When the EV driver unplugs the cable
    Then the connector reports Available
