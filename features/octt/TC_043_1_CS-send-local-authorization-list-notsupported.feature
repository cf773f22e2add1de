@octt @TC_043_1_CS @local-auth-list @profile-not-supported
Feature: TC_043_1_CS Send Local Authorization List - NotSupported
  A station without the Local Auth List Management profile refuses a local authorization list
  instead of pretending to keep it.

  Tool validations (OCTT for OCPP 1.6, TC_043_1_CS):
  - SendLocalList is answered NotSupported, or refused with CALLERROR NotSupported

  Scenario: A station without local lists refuses one
    When the central system sends a full local list of version 1 with the accepted card
    Then the station refuses the local list as not supported
