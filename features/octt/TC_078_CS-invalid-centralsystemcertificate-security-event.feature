@octt @TC_078_CS @security @security-profile-2 @security-profile-3
Feature: TC_078_CS Invalid CentralSystemCertificate Security Event
  A root certificate that expired is refused and reported as a security event: a station that
  installs it would trust what no one vouches for any more.

  Tool validations (OCTT for OCPP 1.6, TC_078_CS):
  - InstallCertificate CentralSystemRootCertificate with an expired certificate is Rejected
  - SecurityEventNotification with type InvalidCentralSystemCertificate

  Scenario: The station refuses an expired root certificate
    When the central system installs an expired root certificate as CentralSystemRootCertificate
    Then the station rejects it and reports the security event InvalidCentralSystemCertificate
