@octt @TC_036_CS @core @manual-step
Feature: TC_036_CS Connection Loss During Transaction
  The station keeps the readings it takes while it cannot reach the central system, and delivers
  them once it is back: before any new reading and in the order they were taken, so the series of
  the transaction goes on one sample interval apart through the time offline. The central system
  goes offline for the station (it drops the connection and refuses it) for three sample intervals.

  Tool validations (OCTT for OCPP 1.6, TC_036_CS):
  - the readings kept while offline arrive after the reconnection, in chronological order, before any new one
  - the readings are timestamped one sample interval apart

  Scenario: Readings taken offline are delivered in order
    Given the station samples meter values at the test interval
    And the connector is charging
    When the central system goes offline
    And the central system stays offline for three sample intervals
    And the central system comes back online
    Then the station reconnects
    And the readings taken while offline arrive before any new one, in the order taken, one sample interval apart
