@octt @TC_056_CS @smart-charging
Feature: TC_056_CS Central Smart Charging - TxDefaultProfile
  With no transaction running, the station takes a default charging profile for the transactions to
  come and shows it in its composite schedule. The profile is the OCA's common one: Absolute, one
  period of 6 A (6000 W when the unit is W) from its start for the configured duration, at the
  configured stack level and number of phases (chargecheck.octt.chargingRateUnit, numberPhases,
  stackLevel, duration; chargecheck.octt.maxTimeDeviation is the max time deviation). It starts the max
  time deviation before it is sent, so that it is in force when it arrives.

  Tool validations (OCTT for OCPP 1.6, TC_056_CS):
  - SetChargingProfile.conf status is Accepted
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with the duration and unit asked
  - the composite schedule starts no more than the max time deviation from when it was asked for
  - its periods are those of the installed profile: 6 A (6000 W) until the profile ends

  Scenario: A default profile for the transactions to come shows in the composite schedule
    When the central system sets a TxDefaultProfile of the configured limit on the connector
    Then the station accepts the charging profile
    When the central system asks for the connector's composite schedule
    Then the composite schedule shows the profile's limit until the profile ends
