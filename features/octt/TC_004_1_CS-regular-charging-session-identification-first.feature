@octt @TC_004_1_CS @core @manual-step
Feature: TC_004_1_CS Regular Charging Session – Identification First
  The driver presents the card before plugging in. The station authorizes the card and waits
  for the cable (Preparing); the cable plugged in then starts the transaction at once, without
  the card again.

  Tool validations (OCTT for OCPP 1.6, TC_004_1_CS):
  - the reusable state Authorized: Authorize of the card, answered Accepted, and Preparing
  - after the cable is plugged in, StartTransaction and StatusNotification Charging (in either order)

  Scenario: The card first, then the cable
    Given the station's MeterValueSampleInterval is the test meter interval
    And the driver is authorized with the accepted card
    When the EV driver plugs the cable into the connector
    Then the station starts a transaction for the accepted card, and the connector reports Charging
