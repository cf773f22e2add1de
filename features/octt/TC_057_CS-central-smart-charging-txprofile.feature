@octt @TC_057_CS @smart-charging @manual-step
Feature: TC_057_CS Central Smart Charging - TxProfile
  During a transaction the station takes a charging profile for that transaction (a TxProfile naming
  its transactionId) and shows it in its composite schedule. The profile is the OCA's common one
  (see TC_056_CS): 6 A, or 6000 W, for the configured duration.

  Beyond the OCA's plan, which checks messages only: the station's MeterValues after the profile was
  accepted must show it charging within the limit (Current.Import and Current.Offered per phase,
  Power.Active.Import in total, within chargecheck.octt.limitTolerance percent, default 10, from
  chargecheck.octt.limitSettle seconds after the answer). For that ChargeCheck asks the station to
  sample those measurands every test meter interval. A station that does not follow the limit gets a
  finding "not as OCPP 1.6 requires", a failure under chargecheck.strict.

  Tool validations (OCTT for OCPP 1.6, TC_057_CS):
  - SetChargingProfile.conf status is Accepted
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with the duration and unit asked
  - the composite schedule starts no more than the max time deviation from when it was asked for
  - its periods are those of the installed profile: 6 A (6000 W) until the profile ends

  Scenario: A profile for the running transaction shows in the composite schedule, and the charging follows it
    Given beyond the OCA's plan, the station samples its current and power every meter interval of the test
    And the connector is charging
    When the central system sets a TxProfile of the configured limit on the connector
    Then the station accepts the charging profile
    When the central system asks for the connector's composite schedule
    Then the composite schedule shows the profile's limit until the profile ends
    And beyond the OCA's plan, the station's meter values keep within the limit
