@octt @TC_071_CS @core @manual-step
Feature: TC_071_CS Clock-aligned Meter Values
  During a transaction the station takes readings at the clock's whole intervals of
  ClockAlignedDataInterval, counted from midnight (with an interval of 20 s at seconds 0, 20 and
  40), each with a value for every measurand that MeterValuesAlignedData names. The case uses the
  clock-aligned interval of the test data (chargecheck.octt.clockAlignedDataInterval) and judges the
  boundaries in UTC, which every time zone of whole quarter hours shares for intervals that divide
  15 minutes.

  Tool validations (OCTT for OCPP 1.6, TC_071_CS):
  - consecutive clock-aligned MeterValues are timestamped one interval apart, over three intervals
  - each is timestamped on a boundary of the interval counted from midnight
  - every sampledValue has context Sample.Clock
  - every reading has a value for each measurand of MeterValuesAlignedData

  Scenario: Readings on the clock's boundaries of every configured measurand
    Given the station takes clock-aligned meter readings at the test interval, with no sampled readings
    And the central system has read MeterValuesAlignedData
    And the connector is charging
    Then clock-aligned MeterValues of the connector arrive one interval apart on the clock's boundaries for three intervals
    And every one of them is a Sample.Clock reading of each measurand MeterValuesAlignedData names
