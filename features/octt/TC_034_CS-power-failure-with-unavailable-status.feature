@octt @TC_034_CS @core @manual-step
Feature: TC_034_CS Power Failure with Unavailable Status
  A station the central system made Inoperative stays so over a power failure: after it boots,
  connector 0 and every connector report Unavailable again. (The case leaves the station
  Inoperative; ChargeCheck makes it Operative again after the case.)

  Tool validations (OCTT for OCPP 1.6, TC_034_CS):
  - ChangeAvailability Inoperative for connector 0 is answered Accepted
  - connector 0 and every connector report Unavailable
  - after the power cycle: BootNotification, answered Accepted
  - every status reported after the boot, for connector 0 and every connector, is Unavailable

  Scenario: Inoperative survives a power cycle
    Given the charge point is unavailable
    When the charger is switched off and on again
    Then the station sends a BootNotification, which the central system answers Accepted
    And connector 0 and every connector are still Unavailable after the boot
