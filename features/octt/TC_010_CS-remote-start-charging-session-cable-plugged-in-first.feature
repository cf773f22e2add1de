@octt @TC_010_CS @core @manual-step
Feature: TC_010_CS Remote Start Charging Session – Cable Plugged in First
  The driver plugs in and starts the session from an app: the central system sends
  RemoteStartTransaction, and the station charges. The OCA's case is its reusable state Charging
  and nothing more (its Appendix B notes this); the transaction must be the one asked for, on
  the connector and for the card of the remote start.

  Tool validations (OCTT for OCPP 1.6, TC_010_CS):
  - StatusNotification Preparing once the cable is plugged in
  - RemoteStartTransaction is answered Accepted
  - Authorize of the card where AuthorizeRemoteTxRequests is true
  - StartTransaction for the connector and the card, and StatusNotification Charging (in either order)

  Scenario: The cable first, then the remote start
    When the EV driver plugs in the cable and the central system then starts a transaction remotely with the accepted card
    Then the transaction runs on the connector for the accepted card
