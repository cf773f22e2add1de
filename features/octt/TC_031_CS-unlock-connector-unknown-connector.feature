@octt @TC_031_CS @core
Feature: TC_031_CS Unlock Connector – Unknown Connector
  UnlockConnector for a connector the station does not have (the one after NumberOfConnectors) is
  answered NotSupported.

  Tool validations (OCTT for OCPP 1.6, TC_031_CS):
  - UnlockConnector for an unknown connectorId is answered NotSupported

  Scenario: Unlocking a connector the station does not have
    When the central system sends UnlockConnector for a connector the station does not have
    Then the UnlockConnector of the unknown connector is answered NotSupported
