@octt @TC_073_CS @security @security-profile-1 @security-profile-2
Feature: TC_073_CS Update Charge Point Password for HTTP Basic Authentication
  A central system can give a station connected with HTTP Basic authentication a new password: the
  station takes the new AuthorizationKey, closes its connection and connects again with it. A
  station that accepts the key and keeps using its old password locks itself out the day the
  platform forgets the old one. The central system takes the new password beside the run's, so a
  station that keeps the old one still connects, and the case sees which one it used. At a live
  charger the run's password is given back afterwards. (The OCA's description names the key
  "BasicAuthPassword"; the key it sends, and OCPP 1.6's, is AuthorizationKey.)

  Tool validations (OCTT for OCPP 1.6, TC_073_CS):
  - ChangeConfiguration AuthorizationKey (the hexadecimal of OCA_OCTT_admin_test) is Accepted
  - the station reconnects and authenticates with the new password

  Scenario: The station reconnects with the AuthorizationKey it was given
    When the central system gives the station a new AuthorizationKey
    Then the station closes its connection and reconnects with the new AuthorizationKey
