@octt @TC_074_CS @security @security-profile-3
Feature: TC_074_CS Update Charge Point Certificate by request of Central System
  On request the station makes a new key pair and a certificate signing request; the central
  system, acting as its CA, signs it, and the station takes the new certificate and reconnects
  with it. A station that accepts the certificate and keeps presenting the old one will be locked
  out when the old one expires.

  Tool validations (OCTT for OCPP 1.6, TC_074_CS):
  - ExtendedTriggerMessage SignChargePointCertificate is Accepted
  - CertificateSigned with the certificate the central system signed is Accepted
  - the station reconnects with the new certificate

  Scenario: The station renews its certificate and reconnects with it
    Given the station's CpoName is the CPO of the test data
    When the central system asks the station to renew its charge point certificate
    Then the station sends a certificate signing request, which the central system signs and the station accepts
    And the station reconnects with its new certificate
