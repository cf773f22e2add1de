@octt @TC_037_3_CS @core @manual-step
Feature: TC_037_3_CS Offline Start Transaction - Invalid IdTag - StopTransactionOnInvalidId = true
  While it cannot reach the central system, the station starts a transaction for a card it holds
  valid, which the central system answers Invalid once the station is back. With
  StopTransactionOnInvalidId true the station ends the transaction, reason DeAuthorized.

  Tool validations (OCTT for OCPP 1.6, TC_037_3_CS):
  - after the reconnection: StartTransaction, which the central system answers Invalid
  - StatusNotification Charging
  - StopTransaction with reason DeAuthorized, and StatusNotification Finishing

  Scenario: An offline transaction of an invalid card is stopped
    Given the station is configured with
      | LocalAuthorizeOffline      | true |
      | StopTransactionOnInvalidId | true |
    And the station is configured, where it has the keys, with
      | LocalAuthListEnabled       | true |
      | AuthorizationCacheEnabled  | true |
      | AllowOfflineTxForUnknownId | true |
      | MaxEnergyOnInvalidId       | 0    |
    And the rejected card is known to the station for an offline start, in its local list or its cache where it has them
    And the central system answers Invalid for the rejected card, in Authorize and StartTransaction
    When the central system goes offline
    And the EV driver plugs in and presents the rejected card while the central system is offline
    And the central system comes back online
    Then the station reconnects
    And the StartTransaction kept while offline arrives, answered Invalid, and the connector reports Charging
    And the station ends the transaction with reason DeAuthorized, and the connector reports Finishing
