@case-14
Feature: Get past charge transactions
  A station that loses its connection keeps the messages of its transactions and sends them when
  it is back online.

  Acceptance criteria (test script, case 14):
  - When Charging Station reconnects, after being offline, the cached transactions must be sent to the
    server automatically

  A station approves a card offline from its local list, with AllowOfflineTxForUnknownId, or from
  its authorization cache; OCPP 1.6 lets a station have none of them. The offline start uses the
  first of these the station offers, and is not tested when it offers none.

  A step that ends in "as OCPP 1.6 requires" checks more than the script asks: a miss is shown in the
  case's result as "not as OCPP 1.6 requires", and fails the case only with chargecheck.strict=true.

  Background:
    Given the station is connected and has booted

  @manual-step
  Scenario: A transaction that ends while offline is sent on reconnection
    Given a transaction started with the accepted card is running on the connector
    When the central system goes offline
    And the EV driver ends the transaction while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StopTransaction of that transaction arrives unasked, with its transactionId
    And the messages kept while offline arrive in the order they happened
    And the station goes on sending Heartbeats, as OCPP 1.6 requires

  @manual-step
  Scenario: A transaction that starts and ends while offline is sent on reconnection
    Given the connector is Available
    And the station can start a transaction offline for the accepted card
    When the central system goes offline
    And the EV driver charges with the accepted card while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StartTransaction of that transaction arrives unasked
    And its StopTransaction carries the transactionId the central system gave it
    And the messages kept while offline arrive in the order they happened
