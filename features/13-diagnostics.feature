@case-13
Feature: Remotely initiate and get diagnostics reports
  The platform can have the station upload a diagnostics file for a period of time to a file server
  (FTP unless the run chooses HTTP or HTTPS).

  Acceptance criteria (test script, case 13):
  - After sending GetDiagnostics, with specific timeframe and ftp location, the Charging Station must
    send GetDiagnostics message and upload the diagnostic file to the specified ftp location

  Background:
    Given the station is connected and has booted

  Scenario: The station uploads diagnostics for the last hour
    When the central system sends GetDiagnostics for the last hour with the upload location
    Then the station answers with the name of the diagnostics file
    And the station reports diagnostics status Uploading, then Uploaded
    And the file server has received a non-empty diagnostics file of that name
