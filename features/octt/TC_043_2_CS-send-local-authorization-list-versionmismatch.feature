@octt @TC_043_2_CS @local-auth-list
Feature: TC_043_2_CS Send Local Authorization List - VersionMismatch
  A differential update only applies on top of an older list: one whose version is not newer than
  the installed list is refused with VersionMismatch, and the installed list and its version stay.

  Tool validations (OCTT for OCPP 1.6, TC_043_2_CS):
  - the full list of version 2 is Accepted, and GetLocalListVersion answers 2
  - the differential update of version 5 is Accepted, and GetLocalListVersion answers 5
  - the differential update of version 4 is answered VersionMismatch, and GetLocalListVersion still answers 5

  Scenario: An older differential update is refused and the version stays
    Given the station is configured with
      | LocalAuthListEnabled | true |
    When the central system sends a full local list of version 2 with the accepted card
    Then the station answers the local list update Accepted
    When the central system asks for the local list version
    Then the station reports local list version 2
    When the central system sends a differential local list update of version 5 with the other card
    Then the station answers the local list update Accepted
    When the central system asks for the local list version
    Then the station reports local list version 5
    When the central system sends a differential local list update of version 4 with the same-parent card
    Then the station answers the local list update VersionMismatch
    When the central system asks for the local list version
    Then the station reports local list version 5
