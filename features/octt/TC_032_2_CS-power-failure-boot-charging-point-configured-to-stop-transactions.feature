@octt @TC_032_2_CS @core @manual-step @no-backup-power
Feature: TC_032_2_CS Power failure boot charging point-configured to stop transaction(s)
  A station without backup power loses the power during a transaction. When it is back it boots,
  reports every connector, and settles the interrupted transaction: it ends it itself (reason
  PowerLoss), or it resumes it and the driver ends it with the card (reason Local). The messages
  after the boot may come in any order. For a charger without backup power.

  Tool validations (OCTT for OCPP 1.6, TC_032_2_CS):
  - BootNotification, answered Accepted
  - a StatusNotification for connector 0 and every connector: the transaction's connector Preparing, Finishing or Charging (after Unavailable or Available, if it passes through them), the others Available
  - StopTransaction with reason PowerLoss when the station ended the transaction, Local or none when the driver did
  - the transaction's connector ends Preparing or Finishing

  Scenario: The interrupted transaction is settled after the boot
    Given the connector is charging
    When the charger is switched off and on again
    Then the station sends a BootNotification, which the central system answers Accepted
    And after the boot the connector reports Preparing, Finishing or Charging, and connector 0 and every other connector Available
    When the EV driver stops the transaction with the accepted card if the station resumed it
    Then the transaction ends with reason PowerLoss, or Local if the driver stopped it
    And the connector ends Preparing or Finishing
