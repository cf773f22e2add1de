@case-03
Feature: Change availability
  Test case 3 of the platform's OCPP 1.6 test script.

  - After sending ChangeAvailability with type Operative, the status must change to Available
  - After sending ChangeAvailability with type Inoperative, the status must change to Unavailable
  - This availability must be reflected by receiving a StatusNotification message (per socket)
  - Receive a (not empty) StatusNotification message per connector (including connector 0),
    with a valid status, and error details (errorCode) when in error

  Scenario: Inoperative and back
    Given the charge station is connected
    Then case 3 holds
