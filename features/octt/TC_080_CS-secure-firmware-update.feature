@octt @TC_080_CS @security @security-profile-1 @security-profile-2 @security-profile-3
Feature: TC_080_CS Secure Firmware Update
  The station downloads a firmware signed by its manufacturer, checks the signing certificate
  against its ManufacturerRootCertificate and the signature against the image, installs it and
  boots into it. On the simulator the run's manufacturer signs a sample image; at a live charger the
  tester gives the manufacturer's image, signature and signing certificate. The security event
  FirmwareUpdated is optional and shown when it comes. (The OCA labels the check of
  BootNotification.conf step 14; it is step 12.)

  Tool validations (OCTT for OCPP 1.6, TC_080_CS):
  - SignedUpdateFirmware is Accepted
  - SignedFirmwareStatusNotification Downloading, Downloaded, SignatureVerified, Installing, then Installed
  - a BootNotification, and StatusNotification Available for every connector, in any order with Installed

  Scenario: The station installs a firmware whose signature it verified
    Given a firmware signed by its manufacturer is on the file server
    When the central system sends SignedUpdateFirmware with its signature
    Then the station reports Downloading, Downloaded, SignatureVerified, Installing and Installed, and boots into the new firmware
