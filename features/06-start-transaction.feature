@case-06
Feature: Start charge transaction (both local notification and remote trigger)
  A charging session starts on the platform's command or at the station when a driver presents a
  card, and in both cases the station tells the platform.

  Acceptance criteria (test script, case 6):
  - After sending RemoteStartTransaction the transaction must start, and a StartTransaction message
    (including transactionId) must be received, followed by several StatusNotification messages
    (according to OCPP 1.6)
  - Local StartTransaction should start with an Authorize, which, if approved, must be followed by a
    StartTransaction and several StatusNotification messages (according to OCPP 1.6)
  - If not approved the sequence must stop

  Background:
    Given the station is connected and has booted
    And the connector is Available

  @manual-step
  Scenario: A remote start begins a transaction
    Given the EV driver has plugged the cable into the connector
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And a StartTransaction with a transactionId arrives for the connector
    And the connector goes through Preparing to Charging

  @manual-step
  Scenario: A local start with an approved card begins a transaction
    Given the EV driver has plugged the cable into the connector
    When the EV driver presents the accepted card
    Then the station asks to authorize the accepted card
    And a StartTransaction with a transactionId arrives for the connector
    And the connector goes through Preparing to Charging

  @manual-step
  Scenario: A local start with a rejected card stops after the Authorize
    Given the EV driver has plugged the cable into the connector
    When the EV driver presents the rejected card
    Then the station asks to authorize the rejected card
    And no transaction starts
