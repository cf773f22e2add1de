@octt @TC_043_3_CS @local-auth-list @manual-step
Feature: TC_043_3_CS Send Local Authorization List - Failed
  A station that cannot store a local authorization list says so with Failed, so that the central
  system knows the list did not arrive. How to make storing fail is for the manufacturer to say (a
  full memory, a write-protected store); the person at the bench prepares it and presses Enter.

  Tool validations (OCTT for OCPP 1.6, TC_043_3_CS):
  - SendLocalList (full, version 2) is answered Failed

  Scenario: A list that cannot be stored is reported Failed
    Given the station is configured with
      | LocalAuthListEnabled | true |
    And the station cannot store a local list
    When the central system sends a full local list of version 2 with the accepted card
    Then the station answers the local list update Failed
