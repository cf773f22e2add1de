@octt @TC_082_CS @smart-charging @manual-step
Feature: TC_082_CS Central Smart Charging - TxDefaultProfile - with ongoing transaction
  A default charging profile set while a transaction runs applies to that transaction too, and shows
  in the composite schedule. The profile is the OCA's common one (see TC_056_CS).

  Beyond the OCA's plan, which checks messages only: the station's MeterValues after the profile was
  accepted must show it charging within the limit, as in TC_057_CS (a finding "not as OCPP 1.6
  requires" if not, a failure under chargecheck.strict).

  Tool validations (OCTT for OCPP 1.6, TC_082_CS):
  - SetChargingProfile.conf status is Accepted
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with the duration and unit asked
  - the composite schedule starts no more than the max time deviation from when it was asked for
  - its periods are those of the installed profile: 6 A (6000 W) until the profile ends

  Scenario: A default profile set during a transaction applies to it
    Given beyond the OCA's plan, the station samples its current and power every meter interval of the test
    And the connector is charging
    When the central system sets a TxDefaultProfile of the configured limit on the connector
    Then the station accepts the charging profile
    When the central system asks for the connector's composite schedule
    Then the composite schedule shows the profile's limit until the profile ends
    And beyond the OCA's plan, the station's meter values keep within the limit
