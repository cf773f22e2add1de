@octt @TC_076_CS @security @security-profile-2 @security-profile-3
Feature: TC_076_CS Delete a specific certificate from the Charge Point
  A root certificate the station holds is deleted by its hash data, computed with the hash
  algorithm the station itself uses, and is gone from its list. The certificate is the run's test
  root (installed first if the station does not have it), so deleting it leaves the station's own
  connection alone, at a live charger too.

  Tool validations (OCTT for OCPP 1.6, TC_076_CS):
  - DeleteCertificate with the certificate's hash data is Accepted
  - GetInstalledCertificateIds no longer lists the certificate

  Scenario: The station deletes the certificate it is asked to
    Given the test root certificate is installed as CentralSystemRootCertificate
    When the central system deletes the test root certificate CentralSystemRootCertificate, named by the hash the station uses
    Then the station no longer lists the test root certificate among its CentralSystemRootCertificate certificates
