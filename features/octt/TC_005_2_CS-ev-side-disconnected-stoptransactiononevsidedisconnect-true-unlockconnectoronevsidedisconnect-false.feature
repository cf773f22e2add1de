@octt @TC_005_2_CS @core @manual-step
Feature: TC_005_2_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = false
  Pulling the cable out of the car ends the session, but the station keeps the cable locked in
  its socket until the central system unlocks it (so nobody can take a cable that is not theirs).
  A station with a fixed cable has nothing to unlock and may say so.

  Tool validations (OCTT for OCPP 1.6, TC_005_2_CS):
  - StopTransaction with reason EVDisconnected
  - StatusNotification Finishing or Available (before or after the StopTransaction)
  - UnlockConnector is answered Unlocked or NotSupported

  Scenario: The transaction stops when the EV side is unplugged; the central system unlocks the cable
    Given the station is configured with
      | StopTransactionOnEVSideDisconnect | true  |
      | UnlockConnectorOnEVSideDisconnect | false |
    And the station is configured, where it has the keys, with
      | MinimumStatusDuration | 0 |
    And the connector is charging
    When the EV driver pulls the cable out of the EV
    Then the station stops the transaction with reason EVDisconnected, and the connector reports Finishing or Available
    When the central system asks the station to unlock the connector
    Then the station answers the unlock Unlocked or NotSupported
