@octt @TC_008_CS @local-auth-list @manual-step
Feature: TC_008_CS Regular Start Charging Session – Id in Local Authorization List
  A card on the local authorization list starts a remote transaction without the station asking
  the central system about it: with LocalPreAuthorize true the list is enough, even though
  AuthorizeRemoteTxRequests asks for remote starts to be authorized. The case needs
  AuthorizeRemoteTxRequests to be writable.

  Tool validations (OCTT for OCPP 1.6, TC_008_CS):
  - SendLocalList with the card is answered Accepted
  - the connector reports Preparing once the cable is in
  - RemoteStartTransaction is answered Accepted
  - StartTransaction follows without an Authorize for the card, and the connector reports Charging

  Scenario: A remote start on a card of the local list needs no Authorize
    Given the station is configured with
      | LocalPreAuthorize         | true |
      | LocalAuthListEnabled      | true |
      | AuthorizeRemoteTxRequests | true |
    And the station is configured, where it has the keys, with
      | AuthorizationCacheEnabled | false |
    And the central system asks for the local list version
    And the central system sends a full local list of version 1 with the accepted card
    And the station answers the local list update Accepted
    When the EV driver plugs the cable into the connector
    Then the connector reports Preparing
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the transaction starts from the local list, without an Authorize, for the accepted card
