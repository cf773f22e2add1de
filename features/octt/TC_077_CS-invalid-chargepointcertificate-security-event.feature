@octt @TC_077_CS @security @security-profile-3
Feature: TC_077_CS Invalid ChargePointCertificate Security Event
  The station asks for a new certificate and is sent one that no root it trusts vouches for: it
  refuses it, keeps the certificate it has, and reports the security event. A station that takes
  any certificate it is sent lets whoever can reach it choose its identity.

  Tool validations (OCTT for OCPP 1.6, TC_077_CS):
  - ExtendedTriggerMessage SignChargePointCertificate is Accepted
  - CertificateSigned with an invalid certificate is Rejected
  - SecurityEventNotification with type InvalidChargePointCertificate

  Scenario: The station refuses a certificate of a CA it does not trust
    Given the station's CpoName is the CPO of the test data
    When the central system asks the station to renew its charge point certificate
    And the central system signs the station's certificate signing request with a CA the station does not trust
    Then the station rejects the certificate and reports the security event InvalidChargePointCertificate
