@octt @TC_007_CS @core @manual-step
Feature: TC_007_CS Regular Start Charging Session – Cached Id
  A station remembers the cards the central system accepted (its authorization cache). With
  LocalPreAuthorize a card it remembers starts a session at once: a remote start with such a card
  begins charging without asking the central system again. The case needs a station with an
  authorization cache; AuthorizeRemoteTxRequests is set to true where the station has it, and a
  station where it is read-only false cannot be tested with it.

  Tool validations (OCTT for OCPP 1.6, TC_007_CS):
  - the memory state IdTagCached: a whole session with the card, stopped with the card, the cable unplugged
  - StatusNotification Preparing once the cable is plugged in
  - RemoteStartTransaction with the cached card is answered Accepted
  - StartTransaction, with no Authorize before it, and StatusNotification Charging (in either order)

  Scenario: A remote start with a cached card needs no Authorize
    Given the station is configured with
      | AuthorizationCacheEnabled | true |
      | LocalPreAuthorize         | true |
    And the station is configured, where it has the keys, with
      | AuthorizeRemoteTxRequests | true |
    And the accepted card is in the authorization cache
    When the EV driver plugs the cable into the connector
    Then the connector reports Preparing
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station accepts the remote start
    And the station starts a transaction for the accepted card from its authorization cache, without an Authorize, and the connector reports Charging
