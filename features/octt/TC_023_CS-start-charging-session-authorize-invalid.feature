@octt @TC_023_CS @core @manual-step
Feature: TC_023_CS Start Charging Session – Authorize invalid
  A card the central system answers Invalid starts no transaction. The case sets
  MinimumStatusDuration to 10 s, as the OCA does, so the station reports the connector Preparing
  only once it has been so for that long; a station without that key is tested all the same.

  Tool validations (OCTT for OCPP 1.6, TC_023_CS):
  - the connector reports Preparing after the cable goes in
  - the station sends Authorize for the card, which the central system answers Invalid
  - no StartTransaction follows

  Scenario: An invalid card starts nothing
    Given the station is configured with
      | LocalPreAuthorize | true |
    And the station is configured, where it has the keys, with
      | MinimumStatusDuration | 10 |
    And the central system answers Invalid for the rejected card, in Authorize and StartTransaction
    When the EV driver plugs the cable into the connector
    Then the connector reports Preparing once it has lasted the MinimumStatusDuration
    When the EV driver presents the rejected card
    Then the station asks to authorize the rejected card
    And no transaction starts
