@octt @TC_004_2_CS @core @manual-step
Feature: TC_004_2_CS Regular Charging Session – Identification First - ConnectionTimeOut
  A driver who presents a card but never plugs in must not block the connector for ever: once
  ConnectionTimeOut has passed without a cable, the station lets the authorisation go and the
  connector is Available again. The case sets ConnectionTimeOut to the test data's connection
  timeout (chargecheck.octt.connectionTimeout, 2 s on the simulator, 30 s live); a connector
  Available again well before that time is shown beside the verdict.

  Tool validations (OCTT for OCPP 1.6, TC_004_2_CS):
  - the reusable state Authorized: Authorize of the card, answered Accepted, and Preparing
  - with no cable plugged in, a StatusNotification Available once ConnectionTimeOut has passed

  Scenario: The card without a cable lapses after ConnectionTimeOut
    Given the station's ConnectionTimeOut is the test connection timeout
    And the driver is authorized with the accepted card
    Then with no cable plugged in, the connector reports Available once the ConnectionTimeOut has passed
