@octt @TC_072_CS @smart-charging
Feature: TC_072_CS Stacking Charging Profiles
  Of two default profiles, the one of the higher stack level leads only while its schedule lasts;
  after it the lower one applies again. The profiles are set as in TC_066_CS (Absolute from T0,
  limits in A, times 1000 for W).

  Tool validations (OCTT for OCPP 1.6, TC_072_CS):
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with duration 350 and the unit asked
  - the composite schedule's periods are 7 A from 0, 9 A from (100 - x), 8 A from (150 - x), 10 A from (200 - x)

  Scenario: A higher stack level leads while it lasts
    Given the central system has set these charging profiles, each accepted:
      | profile | purpose          | connector  | stack level | valid for | duration | periods               |
      | P1      | TxDefaultProfile | configured | 0           | 401       | 400      | 0: 6, 100: 8, 200: 10 |
      | P2      | TxDefaultProfile | configured | 1           | 401       | 150      | 0: 7, 100: 9          |
    When the central system asks for the connector's composite schedule for 350 seconds
    Then the composite schedule has these periods, in seconds after the profiles' start:
      | from | limit |
      | 0    | 7     |
      | 100  | 9     |
      | 150  | 8     |
      | 200  | 10    |
