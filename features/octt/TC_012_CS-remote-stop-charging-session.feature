@octt @TC_012_CS @core @manual-step
Feature: TC_012_CS Remote Stop Charging Session
  The session is ended from an app: the central system sends RemoteStopTransaction for the
  running transaction, and the station stops it, saying it was stopped remotely.

  Tool validations (OCTT for OCPP 1.6, TC_012_CS):
  - RemoteStopTransaction is answered Accepted
  - StopTransaction with reason Remote
  - StatusNotification Finishing (before or after the StopTransaction)

  Scenario: The central system stops the running transaction
    Given the connector is charging
    When the central system sends RemoteStopTransaction for the running transaction
    Then the station accepts the remote stop
    And the station stops the transaction with reason Remote, and the connector reports Finishing
