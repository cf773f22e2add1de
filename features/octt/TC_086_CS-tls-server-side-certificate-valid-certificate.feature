@octt @TC_086_CS @security @security-profile-2 @security-profile-3
Feature: TC_086_CS TLS - server-side certificate - Valid certificate
  After a reset the station connects over TLS, accepting the central system's certificate (issued
  by the run's CA, whose root the station trusts), with TLS 1.2 or later, and offers in its
  ClientHello one of the pairs of AES-GCM cipher suites the whitepaper requires; on profile 2 its
  upgrade carries the Basic credentials of TC_085_CS. The central system reads the suites from the
  ClientHello itself. The central system resets the station (the OCA does not say who does).

  Tool validations (OCTT for OCPP 1.6, TC_086_CS):
  - TLS 1.2 or later
  - the station offers TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 and TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384, or TLS_RSA_WITH_AES_128_GCM_SHA256 and TLS_RSA_WITH_AES_256_GCM_SHA384
  - on profile 2, the Basic credentials as in TC_085_CS
  - BootNotification, and a StatusNotification for connector 0 and every connector

  Scenario: The station connects over TLS with the central system's certificate after a reset
    When the station is reset and reconnects
    Then it accepted the central system's certificate over TLS 1.2 or later, offering the cipher suites the whitepaper requires
