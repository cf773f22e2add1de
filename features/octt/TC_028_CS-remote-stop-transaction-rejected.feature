@octt @TC_028_CS @core @manual-step
Feature: TC_028_CS Remote Stop Transaction – Rejected
  A remote stop for a transaction the station does not have is rejected, and the transaction that
  does run goes on.

  Tool validations (OCTT for OCPP 1.6, TC_028_CS):
  - RemoteStopTransaction for an unknown transactionId is answered Rejected

  Scenario: A remote stop of an unknown transaction is rejected
    Given the connector is charging
    When the central system sends RemoteStopTransaction for a transaction the station does not have
    Then the station rejects the remote stop, and the transaction goes on
