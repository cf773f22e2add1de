@octt @TC_001_CS @core @manual-step
Feature: TC_001_CS Cold Boot Charge Point
  After a power cycle the station registers with its BootNotification. A station the central
  system rejects tries again, but not before the interval it was given; once accepted it reports
  every connector and beats at the interval of its acceptance.

  Tool validations (OCTT for OCPP 1.6, TC_001_CS):
  - the second BootNotification is not sent before the interval of the Rejected answer has passed
  - every StatusNotification after the accepted boot has status Available
  - Heartbeats arrive at the interval of the Accepted answer

  Scenario: A rejected boot is tried again after its interval
    Given the central system will answer the next BootNotification with Rejected
    When the charger is switched off and on again
    Then the station sends a BootNotification, which the central system answers Rejected
    And the station sends its next BootNotification no sooner than the interval it was given, which is answered Accepted
    And the station reports connector 0 and every connector Available
    And Heartbeats arrive at the interval the Accepted answer gave
