@octt @TC_059_CS @smart-charging @manual-step
Feature: TC_059_CS Remote Start Transaction with Charging Profile
  A remote start that brings a TxProfile starts the transaction under that profile, and the composite
  schedule shows it. The source does not give the profile's values; ChargeCheck sends the OCA's common
  profile (see TC_056_CS) as a TxProfile, without a transactionId, which a remote start may not have.

  Tool validations (OCTT for OCPP 1.6, TC_059_CS):
  - the reusable state Charging, its RemoteStartTransaction.req carrying a TxProfile
  - GetCompositeSchedule.conf status is Accepted, for the connector asked, with the duration and unit asked
  - the composite schedule starts no more than the max time deviation from when it was asked for
  - its periods are those of the profile: 6 A (6000 W) until the profile ends

  Scenario: A transaction started remotely under a TxProfile
    Given the connector is charging, started remotely with a TxProfile of the configured limit
    When the central system asks for the connector's composite schedule
    Then the composite schedule shows the profile's limit until the profile ends
