@case-07
Feature: Stop charge transaction (both local notification and remote trigger)
  Test case 7 of the platform's OCPP 1.6 test script.

  - After sending RemoteStopTransaction (by using the transactionId) the transaction must stop, via a
    StopTransaction message, followed by several StatusNotification messages
  - Local StopTransaction starts with receiving a StopTransaction and several StatusNotification messages
  - When the charging cable is disconnected, a StopTransaction message must be received

  Scenario: Remote stop
    Given the charge station is connected
    Then case 7 holds

  Scenario: Local stop by card
    Given the charge station is connected
    Then case 7 holds
