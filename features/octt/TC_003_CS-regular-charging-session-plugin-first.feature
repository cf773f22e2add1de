@octt @TC_003_CS @core @manual-step
Feature: TC_003_CS Regular Charging Session - Plugin First
  The everyday session: the driver plugs in, then presents a card. The station shows the cable
  with Preparing, asks the central system whether the card may charge, and once it may, starts a
  transaction and charges.

  Tool validations (OCTT for OCPP 1.6, TC_003_CS):
  - the first StatusNotification, after the cable is plugged in, has status Preparing
  - the card is authorized with Authorize, which the central system answers Accepted
  - StartTransaction follows, and the last StatusNotification has status Charging (before or after the StartTransaction)

  Scenario: The cable first, then the card
    When the EV driver plugs the cable into the connector
    Then the connector reports Preparing
    When the EV driver presents the accepted card
    Then the station asks to authorize the accepted card, which the central system accepts
    And the station starts a transaction for the accepted card, and the connector reports Charging
