@octt @TC_021_CS @core
Feature: TC_021_CS Change/set Configuration
  A value the central system sets with ChangeConfiguration is the value the station then reports:
  MeterValueSampleInterval is set to the test meter interval (or, when the station has that
  already, to the next whole number, so that the change shows) and read back. OCPP 1.6 lets a
  station answer RebootRequired; the OCA's tool fails that, so ChargeCheck passes it with an
  observation that says so, and reads the value back after a soft reset.

  Tool validations (OCTT for OCPP 1.6, TC_021_CS):
  - ChangeConfiguration of MeterValueSampleInterval is answered Accepted
  - GetConfiguration of MeterValueSampleInterval returns the value just set

  Scenario: A value set is the value read back
    When the central system sets MeterValueSampleInterval to the test meter interval
    Then the station accepts the change of MeterValueSampleInterval
    When the central system asks for the configuration key "MeterValueSampleInterval"
    Then the station returns MeterValueSampleInterval with the value just set
