@octt @TC_066_CS @smart-charging @manual-step
Feature: TC_066_CS Get Composite Schedule
  During a transaction the station combines a ChargePointMaxProfile, a TxDefaultProfile and a
  TxProfile into one composite schedule: the TxProfile overrules the default for its transaction, and
  the lowest of it and the station's maximum applies. All profiles are Absolute and start at T0, the
  max time deviation before they are sent; limits are in A, times 1000 when the configured unit is W,
  on the configured number of phases. The source names the first profile's purpose
  "ChargingStationMaxProfile"; OCPP 1.6 has only ChargePointMaxProfile, which TC_067_CS uses too.

  The expected periods are counted from T0; the schedule the station returns starts x seconds after
  T0, so a period the catalogue writes as (50 - x) starts 50 s after T0. The catalogue measures x from
  the second SetChargingProfile, within the max time deviation of T0; ChargeCheck counts from T0, where
  OCPP 1.6 puts the change, and lets each change come up to the max time deviation early or late.

  Tool validations (OCTT for OCPP 1.6, TC_066_CS):
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with duration 400 and the unit asked
  - the composite schedule's periods are 8 A from 0, 10 A from (50 - x), 6 A from (200 - x), 10 A from (240 - x)

  Scenario: The composite of three purposes
    Given the station holds at least 3 charging profiles of up to 5 periods each
    And the connector is charging
    And the central system has set these charging profiles, each accepted:
      | profile | purpose               | connector  | stack level | valid for | duration | periods                                |
      | P1      | ChargePointMaxProfile | 0          | 0           |           | 86400    | 0: 10                                  |
      | P2      | TxDefaultProfile      | configured | 0           | 401       | 300      | 0: 6, 60: 10, 120: 8, 180: 15, 260: 8  |
      | P3      | TxProfile             | configured | 0           | 401       | 260      | 0: 8, 50: 11, 140: 16, 200: 6, 240: 12 |
    When the central system asks for the connector's composite schedule for 400 seconds
    Then the composite schedule has these periods, in seconds after the profiles' start:
      | from | limit |
      | 0    | 8     |
      | 50   | 10    |
      | 200  | 6     |
      | 240  | 10    |
