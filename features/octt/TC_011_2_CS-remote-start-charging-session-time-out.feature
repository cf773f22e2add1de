@octt @TC_011_2_CS @core
Feature: TC_011_2_CS Remote Start Charging Session – Time Out
  A session started from an app, but no cable comes: once ConnectionTimeOut has passed the
  station drops the remote start and the connector is Available again. The case sets
  ConnectionTimeOut to the test data's connection timeout (chargecheck.octt.connectionTimeout);
  a connector Available again well before that time is shown beside the verdict.

  Tool validations (OCTT for OCPP 1.6, TC_011_2_CS):
  - GetConfiguration of AuthorizeRemoteTxRequests returns the key
  - RemoteStartTransaction is answered Accepted
  - Authorize of the card where AuthorizeRemoteTxRequests is true, then StatusNotification Preparing
  - with no cable plugged in, a StatusNotification Available once ConnectionTimeOut has passed

  Scenario: A remote start without a cable lapses after ConnectionTimeOut
    Given the station's ConnectionTimeOut is the test connection timeout
    When the central system reads AuthorizeRemoteTxRequests
    Then the station reports its AuthorizeRemoteTxRequests
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the connector reports Preparing, after an Authorize of the accepted card where AuthorizeRemoteTxRequests is true
    And with no cable plugged in, the connector reports Available once the ConnectionTimeOut has passed
