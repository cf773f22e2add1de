@octt @TC_041_CS @core @manual-step
Feature: TC_041_CS Fault Behavior
  A faulted connector starts no transaction: the driver plugs in and presents a valid card, and for
  the transaction duration of the test data (chargecheck.octt.transactionDuration) no
  StartTransaction comes.

  Tool validations (OCTT for OCPP 1.6, TC_041_CS):
  - the connector reports Faulted
  - no StartTransaction within the configured transaction duration after the driver tried to start

  Scenario: A faulted connector does not charge
    When a hardware fault occurs on the connector
    Then the connector reports Faulted
    When the EV driver plugs in and presents the accepted card at the faulted connector
    Then no transaction starts for the configured transaction duration
