@octt @TC_075_2_CS @security @security-profile-2 @security-profile-3
Feature: TC_075_2_CS Install a certificate on the Charge Point - CentralSystemRootCertificate
  The central system installs a root certificate on the station as its CentralSystemRootCertificate and finds it
  among the certificates the station lists. The station names its certificates by hash data the
  central system computes itself (the hash of the issuer's name and key, and the serial number),
  so a station that computes them otherwise can never have a certificate deleted. The certificate
  is a test root made for the run, one the station's connection does not depend on.

  Tool validations (OCTT for OCPP 1.6, TC_075_2_CS):
  - InstallCertificate CentralSystemRootCertificate is Accepted
  - GetInstalledCertificateIds CentralSystemRootCertificate is Accepted and its certificateHashData holds the installed certificate

  Scenario: The station installs the root certificate and lists it
    When the central system installs the test root certificate as CentralSystemRootCertificate
    Then the station accepts it and lists the test root certificate among its CentralSystemRootCertificate certificates
