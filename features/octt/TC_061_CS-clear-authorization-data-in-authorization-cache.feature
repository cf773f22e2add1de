@octt @TC_061_CS @core @manual-step
Feature: TC_061_CS Clear Authorization Data in Authorization Cache
  ClearCache makes the station forget the cards it remembered. With LocalPreAuthorize a card in
  the cache would start without asking, so a card presented after ClearCache must be asked about
  again: that Authorize shows the cache was really cleared. The case needs a station with an
  authorization cache.

  Tool validations (OCTT for OCPP 1.6, TC_061_CS):
  - the reusable state Authorized: Authorize of the card, answered Accepted, and Preparing
  - StatusNotification Available once the card is presented again (or ConnectionTimeOut has passed)
  - ClearCache is answered Accepted
  - the card presented after ClearCache is asked about with Authorize

  Scenario: After ClearCache the station asks about a card it had cached
    Given the station is configured with
      | AuthorizationCacheEnabled | true |
      | LocalPreAuthorize         | true |
    And the station's ConnectionTimeOut is the test connection timeout
    And the driver is authorized with the accepted card
    When the EV driver presents the accepted card again to withdraw the authorization, or lets the ConnectionTimeOut pass
    Then the connector reports Available again, at the latest once the ConnectionTimeOut has passed
    When the central system sends ClearCache
    Then the station accepts ClearCache
    When the EV driver presents the accepted card without plugging in a cable
    Then the station asks to authorize the accepted card, which the central system accepts
