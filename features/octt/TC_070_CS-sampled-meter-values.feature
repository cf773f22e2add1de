@octt @TC_070_CS @core @manual-step
Feature: TC_070_CS Sampled Meter Values
  During a transaction the station sends its meter readings every MeterValueSampleInterval, each
  reading with a value for every measurand that MeterValuesSampledData names. The case reads that
  key, as the OCA's tool does, and judges the readings against what it says (energy alone when it
  names nothing).

  Tool validations (OCTT for OCPP 1.6, TC_070_CS):
  - consecutive periodic MeterValues of the transaction are timestamped one sample interval apart, over three intervals
  - every sampledValue has context Sample.Periodic
  - every reading has a value for each measurand of MeterValuesSampledData

  Scenario: Periodic readings of every configured measurand at the sample interval
    Given the station samples meter values at the test interval, with no clock-aligned readings
    And the central system has read MeterValuesSampledData
    And the connector is charging
    Then periodic MeterValues of the transaction arrive one sample interval apart for three intervals
    And every one of them is a Sample.Periodic reading of each measurand MeterValuesSampledData names
