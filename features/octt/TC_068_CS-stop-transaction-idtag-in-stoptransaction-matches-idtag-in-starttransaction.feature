@octt @TC_068_CS @core @manual-step
Feature: TC_068_CS Stop transaction - IdTag in StopTransaction matches IdTag in StartTransaction
  Only the driver who started a session may end it with a card: another driver's card at the
  reader changes nothing, and the station does not even ask the central system about it. The
  starting card then ends the session.

  OCPP 1.6 lets a card of the same group (parentIdTag) stop a transaction too, and a station may
  ask the central system about a foreign card to learn its group. In this case the central system
  gives the starting card no parentIdTag, so the station has no group to compare with and no
  reason to ask: that is the reading under which the OCA's "no Authorize" holds (TC_069_CS is
  the case with a group). At a live charger the person presses Enter once the other card has been
  presented, since nothing the charger sends can show it.

  Tool validations (OCTT for OCPP 1.6, TC_068_CS):
  - after another driver's card: neither Authorize nor StopTransaction
  - after the starting card: StopTransaction with the starting card's idTag
  - StatusNotification Finishing (before or after the StopTransaction)

  Scenario: Another driver's card does not stop the session; its own card does
    Given the central system answers the accepted card with no parentIdTag
    And the connector is charging
    When another driver presents the other card at the charging connector
    Then the station sends neither an Authorize nor a StopTransaction
    When the EV driver presents the accepted card again
    Then the station stops the transaction with the accepted card, and the connector reports Finishing
