@case-01
Feature: Boot notification
  - Receive a (not empty) BootNotification message

  Scenario: The charger boots and names itself
    Given the report fixture runs against "Fixture Platform"
    And the report fixture observes "Configuration (36)"
