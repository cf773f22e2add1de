@octt @TC_011_1_CS @core @manual-step
Feature: TC_011_1_CS Remote Start Charging Session – Remote Start First
  The session is started from an app before the cable is in: the station takes the remote start,
  waits for the cable (Preparing), and charges once it is plugged in. Whether it first asks the
  central system about the card is its AuthorizeRemoteTxRequests, read at the start.

  Tool validations (OCTT for OCPP 1.6, TC_011_1_CS):
  - GetConfiguration of AuthorizeRemoteTxRequests returns the key
  - RemoteStartTransaction is answered Accepted
  - Authorize of the card where AuthorizeRemoteTxRequests is true, then StatusNotification Preparing
  - after the cable is plugged in, StartTransaction and StatusNotification Charging (in either order)

  Scenario: The remote start first, then the cable
    When the central system reads AuthorizeRemoteTxRequests
    Then the station reports its AuthorizeRemoteTxRequests
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the connector reports Preparing, after an Authorize of the accepted card where AuthorizeRemoteTxRequests is true
    When the EV driver plugs the cable into the connector
    Then the station starts a transaction for the accepted card, and the connector reports Charging
