@case-10
Feature: Any hardware related notifications or error conditions
  Hardware faults reach the platform as StatusNotifications with an error code; faults of the station
  itself come on connector 0.

  Acceptance criteria (test script, case 10):
  - Create an error (e.g. disconnecting communication pin or power pin connection or create 3 phase
    imbalance supply), notifications to be represented in the StatusNotification messages
  - Error messages on connector 0 are from the Charging Station itself

  Background:
    Given the station is connected and has booted

  @manual-step
  Scenario: A fault on a connector is reported with its error code
    When a hardware fault occurs on the connector
    Then the connector becomes Faulted with an error code
    When the hardware fault on the connector is cleared
    Then the connector is no longer Faulted

  @manual-step
  Scenario: A fault of the station itself is reported on connector 0
    When a hardware fault of the station itself occurs
    Then connector 0 becomes Faulted with an error code
    When the hardware fault of the station itself is cleared
    Then connector 0 is no longer Faulted
