@case-13
Feature: Remotely initiate and get diagnostics reports
  Test case 13 of the platform's OCPP 1.6 test script.

  - After sending GetDiagnostics, with specific timeframe and ftp location, the Charging Station
    must answer with a file name and upload the diagnostic file to the specified ftp location

  Scenario: Diagnostics upload
    Given the charge station is connected
    Then case 13 holds
