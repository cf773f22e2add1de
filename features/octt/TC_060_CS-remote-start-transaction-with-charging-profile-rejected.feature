@octt @TC_060_CS @smart-charging
Feature: TC_060_CS Remote Start Transaction with Charging Profile - Rejected
  A remote start may bring only a TxProfile: one that brings a profile of another purpose (here a
  TxDefaultProfile) is refused.

  Tool validations (OCTT for OCPP 1.6, TC_060_CS):
  - RemoteStartTransaction.conf status is Rejected, or the station answers with a CALLERROR PropertyConstraintViolation

  Scenario: A remote start with a default profile is refused
    When the central system starts a transaction remotely with a TxDefaultProfile as its charging profile
    Then the station refuses the remote start, with Rejected or a CALLERROR PropertyConstraintViolation
