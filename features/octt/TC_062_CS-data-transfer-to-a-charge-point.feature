@octt @TC_062_CS @data-transfer
Feature: TC_062_CS Data Transfer to a Charge Point
  Vendor-specific data for a vendor the station does not know is refused with a status the
  platform can read: Rejected, UnknownMessageId or UnknownVendorId, not a CALLERROR. Accepted passes
  with a warning to the manufacturer, as the OCA has it.

  Tool validations (OCTT for OCPP 1.6, TC_062_CS):
  - DataTransfer is answered Rejected, UnknownMessageId or UnknownVendorId (Accepted: passed with a warning)

  Scenario: Data of an unknown vendor is refused
    When the central system sends DataTransfer for a vendor the station does not know
    Then the station refuses it with Rejected, UnknownMessageId or UnknownVendorId
