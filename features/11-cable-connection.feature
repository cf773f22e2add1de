@case-11
Feature: Charging cable connection status
  The station reports when a cable is plugged in and out. The test script uses the OCPP 1.5 words
  "Occupied" and "Error (connection timed out)"; in OCPP 1.6 these are Preparing, and the return to
  Available after ConnectionTimeOut. OCPP 1.6 defines ConnectionTimeOut as the wait for the cable
  after authorisation, so a station plugged in without authorisation may stay Preparing: that is
  not a failure.

  Acceptance criteria (test script, case 11):
  - Status to be represented in the StatusNotification messages
  - When car is connected, the charging station changes from Available to Occupied and to Error
    (connection is timed out)

  Background:
    Given the station is connected and has booted
    And the connector is Available

  @manual-step
  Scenario: Plugging the cable in and out
    When the EV driver plugs the cable into the connector
    Then the connector becomes Preparing
    When the EV driver unplugs the cable
    Then the connector becomes Available

  @manual-step
  Scenario: A card with no cable times out back to Available
    When the EV driver presents the accepted card without plugging in a cable
    Then the connector becomes Preparing
    And the connector becomes Available again after the ConnectionTimeOut

  Scenario: A remote start with no cable times out back to Available
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the connector becomes Preparing
    And the connector becomes Available again after the ConnectionTimeOut
