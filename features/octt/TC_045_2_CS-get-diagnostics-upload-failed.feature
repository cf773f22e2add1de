@octt @TC_045_2_CS @diagnostics
Feature: TC_045_2_CS Get Diagnostics - Upload Failed
  An upload that cannot succeed is reported as failed. The location is the OCA's own, an FTP
  server on the charger itself (ftp://127.0.0.1:21/files/failedLocation), where there is none, and
  the request allows no retries.

  Tool validations (OCTT for OCPP 1.6, TC_045_2_CS):
  - DiagnosticsStatusNotification Uploading, then UploadFailed

  Scenario: An upload to where no upload can succeed is reported UploadFailed
    When the central system sends GetDiagnostics, without retries, for a location where no upload can succeed
    Then the station reports diagnostics status Uploading, then UploadFailed
