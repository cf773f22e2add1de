@octt @TC_039_CS @core @manual-step
Feature: TC_039_CS Offline Transaction
  A whole transaction, started and stopped while the station cannot reach the central system, is
  reported once it is back: its StartTransaction, then its StopTransaction with the transactionId
  the central system gave it, reason Local or none. Its StatusNotifications are not judged, as the
  OCA has it.

  Tool validations (OCTT for OCPP 1.6, TC_039_CS):
  - after the reconnection: StartTransaction, which the central system answers Accepted
  - then StopTransaction of that transaction, with reason Local or none

  Scenario: A transaction run wholly offline is reported
    Given the station is configured with
      | LocalAuthorizeOffline | true |
    And the station is configured, where it has the keys, with
      | LocalAuthListEnabled       | true |
      | AuthorizationCacheEnabled  | true |
      | AllowOfflineTxForUnknownId | true |
    And the accepted card is known to the station for an offline start, in its local list or its cache where it has them
    When the central system goes offline
    And the EV driver charges with the accepted card while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StartTransaction kept while offline arrives, answered Accepted
    And its StopTransaction follows, with reason Local or none
