@octt @TC_024_CS @core @manual-step @detachable-cable @lock-failure
Feature: TC_024_CS Start Charging Session - Lock Failure
  A remote start waits for the cable; the plug goes in only halfway, the connector cannot lock it,
  and the station reports the connector Faulted with ConnectorLockFailure and starts no
  transaction. For a charger with a socket where a lock failure can be provoked at the bench.

  Tool validations (OCTT for OCPP 1.6, TC_024_CS):
  - the station returns AuthorizeRemoteTxRequests and accepts the remote start
  - it sends Authorize for the card when AuthorizeRemoteTxRequests is true, then reports Preparing
  - after the plug goes in halfway it reports Faulted with errorCode ConnectorLockFailure
  - no StartTransaction follows

  Scenario: A plug the connector cannot lock starts nothing
    Given the central system has read whether the station authorizes remote starts
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the station asks to authorize the accepted card if it authorizes remote starts, and the connector reports Preparing
    When the EV driver inserts the plug only halfway, so that the connector cannot lock it
    Then the connector reports Faulted with error code ConnectorLockFailure
    And no transaction starts
