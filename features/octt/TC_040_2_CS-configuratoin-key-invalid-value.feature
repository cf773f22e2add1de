@octt @TC_040_2_CS @core
Feature: TC_040_2_CS Configuratoin key - Invalid value
  A value a configuration key cannot take (a sample interval of -1 s) is refused: Rejected, or a
  CALLERROR PropertyConstraintViolation. ("Configuratoin" is how the OCA's document spells the
  case's name.)

  Tool validations (OCTT for OCPP 1.6, TC_040_2_CS):
  - ChangeConfiguration of MeterValueSampleInterval to "-1" is answered Rejected, or with a CALLERROR PropertyConstraintViolation

  Scenario: A value out of range is refused
    When the central system sets MeterValueSampleInterval to -1
    Then the station rejects the change, or refuses it with a CALLERROR PropertyConstraintViolation
