@octt @TC_042_2_CS @local-auth-list
Feature: TC_042_2_CS Get Local List Version (empty)
  A full update without any entries empties the local authorization list, and an empty list has
  version 0, whatever the version of the update that emptied it.

  Tool validations (OCTT for OCPP 1.6, TC_042_2_CS):
  - SendLocalList (full, version 1, no entries) is answered Accepted
  - GetLocalListVersion then answers listVersion 0

  Scenario: An emptied local list has version 0
    Given the station is configured with
      | LocalAuthListEnabled | true |
    When the central system sends a full local list of version 1 without any entries
    Then the station answers the local list update Accepted
    When the central system asks for the local list version
    Then the station reports local list version 0
