@octt @TC_032_1_CS @core @manual-step @backup-power
Feature: TC_032_1_CS Power failure boot charging point - configured to stop transaction(s) before going down
  A station with backup power stops its transactions when the mains power fails, and reports it,
  before it goes down. When the power is back it boots and reports every connector: the one of the
  transaction Finishing or Preparing (the cable is still in), the others Available. For a charger
  with backup power.

  Tool validations (OCTT for OCPP 1.6, TC_032_1_CS):
  - before the connection drops: StopTransaction with reason PowerLoss, and StatusNotification Finishing
  - after the power is back: BootNotification, answered Accepted
  - then a StatusNotification for connector 0 and every connector: the transaction's connector Finishing or Preparing, the others Available

  Scenario: Transactions stopped on backup power
    Given the connector is charging
    When the charger's mains power is cut, and stays off
    Then the station stops the transaction with reason PowerLoss and reports Finishing before it goes down
    When the mains power is restored
    Then the station boots with a BootNotification that the central system accepts
    And after the boot the connector reports Finishing or Preparing, and connector 0 and every other connector Available
