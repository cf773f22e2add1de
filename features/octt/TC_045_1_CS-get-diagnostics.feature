@octt @TC_045_1_CS @diagnostics
Feature: TC_045_1_CS Get Diagnostics
  On request, the station uploads a diagnostics file to the suite's file server and reports the
  upload as it goes. Its word is not taken for it: the file must arrive, and not be empty.

  Tool validations (OCTT for OCPP 1.6, TC_045_1_CS):
  - DiagnosticsStatusNotification Uploading, then Uploaded
  - the diagnostics file is at the upload location

  Scenario: The station uploads its diagnostics
    When the central system sends GetDiagnostics for the last hour with the upload location
    Then the station reports diagnostics status Uploading, then Uploaded
    And the diagnostics file has arrived on the file server
