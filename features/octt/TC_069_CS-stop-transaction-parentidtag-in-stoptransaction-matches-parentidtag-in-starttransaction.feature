@octt @TC_069_CS @core @manual-step
Feature: TC_069_CS Stop transaction - ParentIdTag in StopTransaction matches ParentIdTag in StartTransaction
  Cards of one group (a fleet, a household) share a parentIdTag, and any card of the group may
  end a session another card of the group started. The station asks the central system about the
  second card, learns that it belongs to the same group, and stops the session in its name.

  Tool validations (OCTT for OCPP 1.6, TC_069_CS):
  - Authorize of the second card (not the starting one), answered Accepted with the parentIdTag of the start
  - StopTransaction with the second card's idTag
  - StatusNotification Finishing (before or after the StopTransaction)

  Scenario: A card of the same group stops the session
    Given the connector is charging
    When the EV driver presents the same-parent card
    Then the station asks to authorize the same-parent card, which the central system accepts as a card of the accepted card's group
    And the station stops the transaction with the same-parent card, and the connector reports Finishing
