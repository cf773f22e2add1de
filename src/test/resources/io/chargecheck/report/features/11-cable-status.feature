@case-11
Feature: Charging cable connection status
  Test case 11 of the platform's OCPP 1.6 test script.

  - Status to be represented in the StatusNotification messages
  - When car is connected, the charging station changes from Available to Preparing,
    and back to Available when no cable comes within ConnectionTimeOut

  Scenario: Plug in and out
    Given the charge station is connected
    Then case 11 holds
