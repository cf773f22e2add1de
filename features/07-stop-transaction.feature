@case-07
Feature: Stop charge transaction (both local notification and remote trigger)
  A charging session ends on the platform's command, by the driver's card, or when the cable is
  unplugged, and in every case the station tells the platform.

  Acceptance criteria (test script, case 7):
  - After sending RemoteStopTransaction (by using the transactionId) the transaction must stop, via a
    StopTransaction message, followed by several StatusNotification messages (according to OCPP 1.6)
  - Local StopTransaction starts with receiving a StopTransaction and several StatusNotification
    messages (according to OCPP 1.6)
  - When the charging cable is disconnected, a StopTransaction message must be received

  Background:
    Given the station is connected and has booted
    And a transaction started with the accepted card is running on the connector

  @manual-step
  Scenario: A remote stop ends the transaction
    When the central system sends RemoteStopTransaction for the running transaction
    Then the station accepts the remote stop
    And a StopTransaction for that transaction arrives
    And the connector leaves Charging

  @manual-step
  Scenario: The driver's card ends the transaction
    When the EV driver presents the accepted card again
    Then a StopTransaction for that transaction arrives
    And the connector leaves Charging

  @manual-step
  Scenario: Unplugging the cable ends the transaction
    Given the station stops a transaction when the cable is unplugged
    When the EV driver unplugs the cable
    Then a StopTransaction for that transaction arrives
    And the connector becomes Available
