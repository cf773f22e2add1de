@octt @TC_058_1_CS @smart-charging
Feature: TC_058_1_CS Central Smart Charging - No ongoing transaction
  A charging profile for a transaction (TxProfile) is refused when no transaction runs on its
  connector: OCPP 1.6 lets a TxProfile be set only for a transaction that is running.

  Tool validations (OCTT for OCPP 1.6, TC_058_1_CS):
  - SetChargingProfile.conf status is Rejected, or the station answers with a CALLERROR PropertyConstraintViolation

  Scenario: A TxProfile with no transaction running is refused
    When the central system sets a TxProfile for a transaction, with none running on the connector
    Then the station refuses the charging profile, with Rejected or a CALLERROR PropertyConstraintViolation
