@octt @TC_002_CS @core @manual-step
Feature: TC_002_CS Cold Boot Charge Point - Pending
  A station whose registration the central system leaves Pending is not yet in service, but it
  must already let the central system read and change its configuration: that is how a platform
  prepares a new charger before accepting it. It boots again after the interval it was given; once
  accepted it reports every connector and beats at the interval of its acceptance. OCPP 1.6 lets a
  station answer any change RebootRequired; the OCA's tool fails that, so ChargeCheck passes it
  with an observation that says so.

  Tool validations (OCTT for OCPP 1.6, TC_002_CS):
  - ChangeConfiguration of MeterValueSampleInterval sent while Pending is answered Accepted
  - the next BootNotification is not sent before the interval of the Pending answer has passed
  - every StatusNotification after the accepted boot has status Available
  - Heartbeats arrive at the interval of the Accepted answer

  Scenario: A pending station answers the central system and boots again after its interval
    Given the central system will answer the next BootNotification with Pending
    When the charger is switched off and on again
    Then the station sends a BootNotification, which the central system answers Pending
    When the central system asks for the whole configuration
    And the central system sets MeterValueSampleInterval to the test meter interval
    Then the station accepts the change of MeterValueSampleInterval
    And the station answered the central system while its registration was still pending
    And the station sends its next BootNotification no sooner than the interval it was given, which is answered Accepted
    And the station reports connector 0 and every connector Available
    And Heartbeats arrive at the interval the Accepted answer gave
