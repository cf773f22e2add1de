@octt @TC_014_CS @core
Feature: TC_014_CS Soft Reset Without Transaction
  A soft reset restarts the station's software. A connector taken out of service before it is
  still out of service after it. The station need not send a BootNotification after a soft reset;
  when it does, it reports connector 0 and every connector after it, the connector made
  Inoperative Unavailable and the others Available. The suite waits for a boot as long as it
  waits for any reboot (chargecheck.timeout.reboot) and says so when none came.

  Tool validations (OCTT for OCPP 1.6, TC_014_CS):
  - ChangeAvailability Inoperative for the connector is answered Accepted, and it reports Unavailable
  - Reset Soft is answered Accepted
  - after a BootNotification, if one comes: a StatusNotification for connector 0 and every connector,
    Unavailable for the connector made Inoperative, Available for all others
  - ChangeAvailability Operative is answered Accepted, and the connector reports Available

  Scenario: A connector out of service stays so through a soft reset
    Given the connector is unavailable
    When the central system sends Reset Soft
    Then the station accepts the reset
    And if the station boots again, after the boot the unavailable connector reports Unavailable, and connector 0 and every other connector Available
    When the central system sends ChangeAvailability Operative for the connector
    Then the station accepts the availability change
    And the connector reports Available
