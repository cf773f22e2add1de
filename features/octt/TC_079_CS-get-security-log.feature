@octt @TC_079_CS @security @security-profile-1 @security-profile-2 @security-profile-3
Feature: TC_079_CS Get Security Log
  The station uploads its security log where it is asked to, reporting the upload as it goes; the
  suite's file server must have received the file, a station's word that it uploaded is not taken.

  Tool validations (OCTT for OCPP 1.6, TC_079_CS):
  - GetLog SecurityLog is Accepted
  - LogStatusNotification Uploading, then Uploaded
  - the file is at the location given

  Scenario: The station uploads its security log
    When the central system asks for the station's security log
    Then the station reports LogStatusNotification Uploading, then Uploaded
    And the security log is on the file server
