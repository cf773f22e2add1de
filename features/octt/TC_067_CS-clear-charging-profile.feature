@octt @TC_067_CS @smart-charging
Feature: TC_067_CS Clear Charging Profile
  ClearChargingProfile clears a profile by its id, the profiles of a purpose and stack level, and with
  no criteria every profile; after each clear the composite schedule shows what is left, and in the end
  the station's own limit. The profiles are set as in TC_066_CS (Absolute from T0, limits in A, times
  1000 for W). The source does not spell out the GetCompositeSchedule requests; their duration, 350 s,
  follows from its expected results.

  Tool validations (OCTT for OCPP 1.6, TC_067_CS):
  - each ClearChargingProfile.conf status is Accepted
  - each GetCompositeSchedule.conf status is Accepted, for the connector asked, with duration 350 and the unit asked
  - after the first clear the periods are 7 A from 0, 9 A from (100 - x)
  - after the second clear the periods are 11 A from 0, 12 A from (200 - x)
  - after the third clear the schedule is the station's own limit from 0

  Scenario: Clearing by id, by purpose and stack level, and everything
    Given the central system has set these charging profiles, each accepted:
      | profile | purpose               | connector  | stack level | valid for | duration | periods              |
      | P1      | TxDefaultProfile      | configured | 1           |           | 400      | 0: 6, 60: 8, 200: 10 |
      | P2      | TxDefaultProfile      | configured | 0           | 401       | 400      | 0: 7, 100: 9         |
      | P3      | ChargePointMaxProfile | 0          | 0           | 401       | 86400    | 0: 11, 200: 12       |
    When the central system clears the charging profile P1 by its id
    Then the station accepts the clearing
    When the central system asks for the connector's composite schedule for 350 seconds
    Then the composite schedule has these periods, in seconds after the profiles' start:
      | from | limit |
      | 0    | 7     |
      | 100  | 9     |
    When the central system clears the TxDefaultProfiles of stack level 0
    Then the station accepts the clearing
    When the central system asks for the connector's composite schedule for 350 seconds
    Then the composite schedule has these periods, in seconds after the profiles' start:
      | from | limit |
      | 0    | 11    |
      | 200  | 12    |
    When the central system clears every charging profile
    Then the station accepts the clearing
    When the central system asks for the connector's composite schedule for 350 seconds
    Then the composite schedule is the station's own limit throughout
