@octt @TC_053_CS @reservation @manual-step
Feature: TC_053_CS Use a reserved Connector with parentIdTag
  A reservation for a card and its group (parentIdTag) may be used by another card of the same
  group: the station authorizes that card, and the transaction names the reservation. The cards
  are chargecheck.idTag.accepted, reserved with chargecheck.idTag.parent, and
  chargecheck.idTag.sameParent, which the central system gives that same parent. The source labels
  the check of the StartTransaction step 5, though the StartTransaction is step 7; it is judged on
  the StartTransaction.

  Tool validations (OCTT for OCPP 1.6, TC_053_CS):
  - ReserveNow with the parentIdTag is answered Accepted, and the connector reports Reserved
  - the reusable state Authorized with the other card of the group
  - StartTransaction carries the reservationId, and the connector reports Charging

  Scenario: A card of the reservation's group uses the reserved connector
    Given every other connector is unavailable
    When the central system reserves the connector for the accepted card and its group
    Then the station answers the reservation Accepted
    And the connector reports Reserved
    When the driver is authorized with the same-parent card
    And the EV driver plugs the cable into the connector
    Then a transaction starts on the connector, which reports Charging
    And the StartTransaction names the reservation and the same-parent card
