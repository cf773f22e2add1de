@octt @TC_013_CS @core
Feature: TC_013_CS Hard Reset Without transaction
  A hard reset reboots the station. What the central system set before it stays set: a connector
  taken out of service is still Unavailable after the reboot, while connector 0 and the others
  come back Available; made Operative again, it is Available.

  Tool validations (OCTT for OCPP 1.6, TC_013_CS):
  - ChangeAvailability Inoperative for the connector is answered Accepted, and it reports Unavailable
  - Reset Hard is answered Accepted
  - a BootNotification follows, then a StatusNotification for connector 0 and every connector:
    Unavailable for the connector made Inoperative, Available for all others
  - ChangeAvailability Operative is answered Accepted, and the connector reports Available

  Scenario: A connector out of service stays so through a hard reset
    Given the connector is unavailable
    When the central system sends Reset Hard
    Then the station accepts the reset
    And the station boots again, and the central system accepts its BootNotification
    And after the boot the unavailable connector reports Unavailable, and connector 0 and every other connector Available
    When the central system sends ChangeAvailability Operative for the connector
    Then the station accepts the availability change
    And the connector reports Available
