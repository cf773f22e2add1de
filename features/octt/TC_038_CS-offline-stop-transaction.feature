@octt @TC_038_CS @core @manual-step
Feature: TC_038_CS Offline Stop Transaction
  A transaction the driver ends while the station cannot reach the central system is reported once
  it is back: its StopTransaction, reason Local or none, and Finishing, with what the station kept
  in the order it happened.

  Tool validations (OCTT for OCPP 1.6, TC_038_CS):
  - after the reconnection: StopTransaction with reason Local or none
  - StatusNotification Finishing (before or after the StopTransaction)
  - the messages kept while offline in the order they happened

  Scenario: A transaction stopped offline is reported
    Given the connector is charging
    When the central system goes offline
    And the EV driver ends the transaction while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StopTransaction kept while offline arrives with reason Local or none, and the connector reports Finishing
    And the messages kept while offline arrive in the order they happened
