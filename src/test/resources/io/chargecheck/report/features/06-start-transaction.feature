@case-06
Feature: Start charge transaction (both local notification and remote trigger)
  Test case 6 of the platform's OCPP 1.6 test script.

  - After sending RemoteStartTransaction the transaction must start, and a StartTransaction message
    (including transactionId) must be received, followed by several StatusNotification messages
  - Local StartTransaction should start with an Authorize, which – if approved – must be followed
    by a StartTransaction and several StatusNotification messages. If not approved the sequence must stop

  Scenario: Remote start
    Given the charge station is connected
    Then case 6 holds

  Scenario: Local start
    Given the charge station is connected
    Then case 6 holds
