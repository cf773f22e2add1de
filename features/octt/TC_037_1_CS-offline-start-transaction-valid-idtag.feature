@octt @TC_037_1_CS @core @manual-step
Feature: TC_037_1_CS Offline Start Transaction - Valid IdTag
  While it cannot reach the central system, the station starts a transaction for a card it knows
  (from its local list or its authorization cache, or as AllowOfflineTxForUnknownId allows), and
  reports the transaction once it is back. A station with no way to approve a card offline is not
  tested.

  Tool validations (OCTT for OCPP 1.6, TC_037_1_CS):
  - after the reconnection: StartTransaction, which the central system answers Accepted
  - StatusNotification Charging (before or after the StartTransaction)

  Scenario: A transaction started offline is reported
    Given the station is configured with
      | LocalAuthorizeOffline | true |
    And the station is configured, where it has the keys, with
      | LocalAuthListEnabled       | true |
      | AuthorizationCacheEnabled  | true |
      | AllowOfflineTxForUnknownId | true |
    And the accepted card is known to the station for an offline start, in its local list or its cache where it has them
    When the central system goes offline
    And the EV driver plugs in and presents the accepted card while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StartTransaction kept while offline arrives, answered Accepted, and the connector reports Charging
