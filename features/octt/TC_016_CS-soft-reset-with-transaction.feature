@octt @TC_016_CS @core @manual-step
Feature: TC_016_CS Soft Reset With Transaction
  A soft reset during a session ends it gracefully: the station stops the transaction, saying the
  reset ended it, before it restarts. A BootNotification afterwards is optional; when one comes,
  the connector whose cable is still in reports Finishing or Preparing, connector 0 and the
  others Available.

  Tool validations (OCTT for OCPP 1.6, TC_016_CS):
  - Reset Soft is answered Accepted
  - StopTransaction with reason SoftReset, and StatusNotification Finishing (in either order)
  - after a BootNotification, if one comes: a StatusNotification for connector 0 and every connector,
    Finishing or Preparing for the connector of the transaction, Available for all others

  Scenario: A soft reset ends the running transaction
    Given the connector is charging
    When the central system sends Reset Soft
    Then the station accepts the reset
    And the station stops the transaction with reason SoftReset, and the connector reports Finishing
    And if the station boots again, after the boot the connector of the transaction reports Finishing or Preparing, and connector 0 and every other connector Available
