@octt @TC_081_CS @security @security-profile-1 @security-profile-2 @security-profile-3
Feature: TC_081_CS Secure Firmware Update - Invalid Signature
  A firmware whose signature does not match the image is refused after the download and never
  installed: the signature is what keeps a tampered image off the station.

  Tool validations (OCTT for OCPP 1.6, TC_081_CS):
  - SignedUpdateFirmware is Accepted
  - SignedFirmwareStatusNotification Downloading, Downloaded, then InvalidSignature
  - the firmware is not installed

  Scenario: The station refuses a firmware whose signature does not match
    Given a firmware signed by its manufacturer is on the file server
    When the central system sends SignedUpdateFirmware with a signature that does not match the firmware
    Then the station reports Downloading, Downloaded and InvalidSignature, and installs nothing
