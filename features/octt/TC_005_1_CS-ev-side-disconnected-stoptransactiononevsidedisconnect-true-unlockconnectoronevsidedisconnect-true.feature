@octt @TC_005_1_CS @core @manual-step @detachable-cable
Feature: TC_005_1_CS EV Side Disconnected - StopTransactionOnEVSideDisconnect = true - UnlockConnectorOnEVSideDisconnect = true
  A driver who pulls the cable out of the car ends the session, when the station is configured
  so. The cable is still in the station's socket, so the connector shows Finishing until it is
  taken out. The case is for a station with a socket (no fixed cable); a station whose
  StopTransactionOnEVSideDisconnect is read-only false cannot be tested with it.

  Tool validations (OCTT for OCPP 1.6, TC_005_1_CS):
  - StopTransaction with reason EVDisconnected
  - StatusNotification Finishing (before or after the StopTransaction)

  Scenario: Pulling the cable out of the EV stops the transaction
    Given the station is configured with
      | StopTransactionOnEVSideDisconnect | true |
      | UnlockConnectorOnEVSideDisconnect | true |
    And the station is configured, where it has the keys, with
      | MinimumStatusDuration | 0 |
    And the connector is charging
    When the EV driver pulls the cable out of the EV
    Then the station stops the transaction with reason EVDisconnected, and the connector reports Finishing
