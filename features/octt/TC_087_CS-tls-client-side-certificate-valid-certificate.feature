@octt @TC_087_CS @security @security-profile-3
Feature: TC_087_CS TLS - Client-side certificate - valid certificate
  After a reset the station connects over TLS with its client certificate: a key as long as the
  whitepaper requires (RSA or DSA 2048 bits, EC 224), a serial number, and the station's own serial
  number (of its BootNotification) as commonName. Over TLS a certificate travels as DER, so the
  OCA's "PEM encoded" cannot be seen on the wire and is not checked here. The central system resets
  the station (the OCA does not say who does).

  Tool validations (OCTT for OCPP 1.6, TC_087_CS):
  - TLS 1.2 or later, with the cipher suites of TC_086_CS offered
  - RSA and DSA keys of at least 2048 bits, EC keys of at least 224 bits
  - the client certificate has a serial number, and its subject commonName is the station's serial number
  - BootNotification, and a StatusNotification for connector 0 and every connector

  Scenario: The station presents its client certificate after a reset
    When the station is reset and reconnects
    Then it presented a client certificate with a key as long as the whitepaper requires, a serial number, and its own serial number as commonName
