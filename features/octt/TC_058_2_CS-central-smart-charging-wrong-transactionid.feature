@octt @TC_058_2_CS @smart-charging @manual-step
Feature: TC_058_2_CS Central Smart Charging - Wrong transactionId
  While a transaction runs on the connector, a TxProfile naming another transaction is refused. The
  source's prerequisite says no transaction runs, which its own Charging state contradicts; its checks
  refer to that state's transaction, so the case runs with the transaction (the catalogue's Appendix B).

  Tool validations (OCTT for OCPP 1.6, TC_058_2_CS):
  - SetChargingProfile.conf status is Rejected

  Scenario: A TxProfile for another transaction than the running one is refused
    Given the connector is charging
    When the central system sets a TxProfile for another transaction than the one running on the connector
    Then the station answers the charging profile Rejected
