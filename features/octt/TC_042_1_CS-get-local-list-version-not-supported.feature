@octt @TC_042_1_CS @local-auth-list @with-or-without-profile
Feature: TC_042_1_CS Get Local List Version (not supported)
  A station without a local authorization list, or with its list switched off, says so when the
  central system asks for the list's version: version -1, or a refusal of the request as not
  supported. The case is for a station without the Local Auth List Management profile as much as
  for one whose LocalAuthListEnabled can be set to false; a station that has the profile and will
  not switch its list off cannot be tested with it.

  Tool validations (OCTT for OCPP 1.6, TC_042_1_CS):
  - GetLocalListVersion is answered with listVersion -1, or refused with CALLERROR NotSupported

  Scenario: A station without an enabled local list reports none
    Given the station is configured, where it has the keys, with
      | LocalAuthListEnabled | false |
    When the central system asks for the local list version
    Then the station reports local list version -1, or refuses the request as NotSupported
