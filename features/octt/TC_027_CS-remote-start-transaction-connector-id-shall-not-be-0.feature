@octt @TC_027_CS @core
Feature: TC_027_CS Remote start transaction - connector id shall not be 0
  Connector 0 is the station itself, not a connector a vehicle can charge at: a remote start for it
  is refused, with Rejected or with a CALLERROR, and nothing starts.

  Tool validations (OCTT for OCPP 1.6, TC_027_CS):
  - RemoteStartTransaction for connector 0 is answered Rejected (a CALLERROR is also accepted)

  Scenario: A remote start for connector 0 is refused
    When the central system sends RemoteStartTransaction with the accepted card for connector 0
    Then the station rejects it, with Rejected or a CALLERROR, and no transaction starts
