@octt @TC_043_CS @local-auth-list
Feature: TC_043_CS Send Local Authorization List
  The central system can install a whole local authorization list and then change it with a
  differential update, so that the station can authorize the cards on it by itself.

  Tool validations (OCTT for OCPP 1.6, TC_043_CS):
  - SendLocalList with a full list is answered Accepted
  - SendLocalList with a differential update is then answered Accepted

  Scenario: A full list, then a differential update
    Given the station is configured with
      | LocalAuthListEnabled | true |
    When the central system sends a full local list of version 1 with the accepted card
    Then the station answers the local list update Accepted
    When the central system sends a differential local list update of version 2 with the other card
    Then the station answers the local list update Accepted
