@octt @TC_005_3_CS @core @manual-step
Feature: TC_005_3_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = false - UnlockConnectorOnEVSideDisconnect = false
  A station configured to keep the session when the cable leaves the car suspends it instead of
  stopping it, and says why in its StatusNotification. The session goes on until the central
  system stops it. The case needs StopTransactionOnEVSideDisconnect to be writable.

  After the stop the connector shows Finishing while the cable is still in its socket; a station
  with a fixed cable has nothing left in a socket and shows Available. Unless the tester has said
  the cable is not fixed (chargecheck.octt.fixedCable=false), either is taken.

  Tool validations (OCTT for OCPP 1.6, TC_005_3_CS):
  - after the cable leaves the EV: StatusNotification SuspendedEV or SuspendedEVSE with info "EV side disconnected"
  - the transaction goes on: no StopTransaction until the central system stops it
  - RemoteStopTransaction, then StopTransaction with reason Remote
  - StatusNotification Finishing, or Available with a fixed cable (before or after the StopTransaction)

  Scenario: Pulling the cable out of the EV suspends the transaction until the central system stops it
    Given the station is configured with
      | StopTransactionOnEVSideDisconnect | false |
      | UnlockConnectorOnEVSideDisconnect | false |
    And the station is configured, where it has the keys, with
      | MinimumStatusDuration | 0 |
    And the connector is charging
    When the EV driver pulls the cable out of the EV
    Then the connector reports the transaction suspended, its info saying the EV side was disconnected
    And the station keeps the transaction running
    When the central system sends RemoteStopTransaction for the running transaction
    Then the station accepts the remote stop
    And the station stops the transaction with reason Remote, and the connector reports Finishing, or Available where the cable is fixed
