@case-08
Feature: Receive Meter reading
  Test case 8 of the platform's OCPP 1.6 test script.

  - Meter values are received at the start of transaction and stop of transaction
  - Meter values are received, according to meter interval that can be set by user
    (at least 30 seconds interval when charging)
  - Voltage, current and power reading are received, according to meter interval

  Scenario: Meter values while charging
    Given the charge station is connected
    Then case 8 holds
