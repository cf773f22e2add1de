@octt @TC_085_CS @security @security-profile-1 @security-profile-2
Feature: TC_085_CS Basic Authentication - Valid username/password combination
  After a reset the station connects with HTTP Basic credentials: its charge point id, the last part
  of its URL, as the user, and its AuthorizationKey as the password. The OCA has the charger reset
  without saying by whom; the central system does it, with Reset Hard. Of the OCA's two length rules
  (a key of at least 16 characters, a hexadecimal form of 20 to 40) the whitepaper's 16 to 20 bytes
  satisfies both, and is what is checked.

  Tool validations (OCTT for OCPP 1.6, TC_085_CS):
  - the upgrade carries Authorization: Basic with the charge point id and the AuthorizationKey
  - the user is the charge point id of the URL
  - the AuthorizationKey is 16 to 20 bytes
  - BootNotification, and a StatusNotification for connector 0 and every connector

  Scenario: The station authenticates with its id and AuthorizationKey after a reset
    When the station is reset and reconnects
    Then its WebSocket upgrade carried HTTP Basic credentials of its charge point id and an AuthorizationKey of 16 to 20 bytes
