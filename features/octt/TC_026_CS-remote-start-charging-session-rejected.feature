@octt @TC_026_CS @core @manual-step
Feature: TC_026_CS Remote Start Charging Session – Rejected
  A remote start for a connector that already has a transaction running is rejected, and no second
  transaction starts there.

  Tool validations (OCTT for OCPP 1.6, TC_026_CS):
  - RemoteStartTransaction for the connector of the running transaction is answered Rejected

  Scenario: A remote start on a connector that charges is rejected
    Given the station is configured with
      | LocalPreAuthorize | false |
    And the connector is charging
    When the central system sends RemoteStartTransaction with the accepted card for the connector
    Then the station rejects the remote start, and no transaction starts
