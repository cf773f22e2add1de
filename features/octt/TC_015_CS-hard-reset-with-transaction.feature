@octt @TC_015_CS @core @manual-step
Feature: TC_015_CS Hard Reset With Transaction
  A hard reset during a session ends it, and the station says the reset ended it. It may send
  that StopTransaction before it goes down or after it is back; sent before, the connector also
  reports Finishing. After the boot the connector whose cable is still in reports Finishing or
  Preparing, connector 0 and the others Available.

  Tool validations (OCTT for OCPP 1.6, TC_015_CS):
  - Reset Hard is answered Accepted
  - StopTransaction with reason HardReset, before or after the BootNotification
  - StatusNotification Finishing when the StopTransaction came before the reboot
  - a BootNotification, then a StatusNotification for connector 0 and every connector: Finishing or
    Preparing for the connector of the transaction, Available for all others

  Scenario: A hard reset ends the running transaction
    Given the connector is charging
    When the central system sends Reset Hard
    Then the station accepts the reset
    And the station boots again, and the central system accepts its BootNotification
    And the station stops the transaction with reason HardReset, before or after it boots again
    And after the boot the connector of the transaction reports Finishing or Preparing, and connector 0 and every other connector Available
