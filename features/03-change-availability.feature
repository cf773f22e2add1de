@case-03
Feature: Change availability
  The platform can take the station out of service and put it back, and the station reports its
  state for every connector, and for itself as connector 0.

  Acceptance criteria (test script, case 3):
  - After sending ChangeAvailability with type Operative, the status must change to Available
  - After sending ChangeAvailability with type Inoperative, the status must change to Unavailable
  - This availability must be reflected by receiving a StatusNotification message (per socket)
  - Receive a (not empty) StatusNotification message per connector (including connector 0), containing:
    if not in error, a status (Available, Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing,
    Reserved, Unavailable or Faulted); if in error, the error details (errorCode)

  The error details of a status in error are judged in case 10, where a fault is caused.

  Background:
    Given the station is connected and has booted

  Scenario: Inoperative makes the station and every connector Unavailable
    When the central system sends ChangeAvailability Inoperative for the whole station
    Then the station accepts the availability change
    And connector 0 and every connector become Unavailable

  Scenario: Operative makes the station and every connector Available again
    Given the central system has made the whole station Inoperative
    When the central system sends ChangeAvailability Operative for the whole station
    Then the station accepts the availability change
    And connector 0 and every connector become Available

  Scenario: Every StatusNotification is complete
    Given the central system has made the whole station Inoperative
    When the central system sends ChangeAvailability Operative for the whole station
    Then the station has reported a status for connector 0 and every connector
    And every StatusNotification of the station has a valid status
