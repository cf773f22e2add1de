@case-08
Feature: Receive Meter reading
  While charging, the station reports what its meter measures: energy, and voltage, current and
  power, at an interval the platform sets.

  Acceptance criteria (test script, case 8):
  - Meter values are received at the start of transaction and stop of transaction
  - Meter values are received, according to meter interval that can be set by user (at least 30
    seconds interval when charging)
  - Voltage, current and power reading are received, according to meter interval that can be set by
    user (at least 30 seconds interval)

  Background:
    Given the station is connected and has booted
    And the central system has asked for voltage, current, power and energy at the test meter interval
    And a transaction started with the accepted card is running on the connector

  @manual-step
  Scenario: Meter values at the start and the stop of a transaction
    When the central system sends RemoteStopTransaction for the running transaction
    Then a StopTransaction for that transaction arrives
    And the transaction has meter values from its start and from its stop

  @manual-step
  Scenario: Meter values at the set interval
    Then MeterValues for the transaction arrive at the test meter interval

  @manual-step
  Scenario: Voltage, current and power are reported
    Then the MeterValues of the transaction report voltage, current and power
