@octt @TC_044_2_CS @firmware
Feature: TC_044_2_CS Firmware Update - Download Failed
  A firmware download that cannot succeed is reported as failed, and the station keeps running
  its old firmware. The location is on the suite's file server, where nothing is served, and the
  update allows no retries; the station may report Downloading first or fail at once.

  Tool validations (OCTT for OCPP 1.6, TC_044_2_CS):
  - FirmwareStatusNotification DownloadFailed, after Downloading if the station reports that

  Scenario: A download from where nothing is served is reported DownloadFailed
    When the central system sends UpdateFirmware, without retries, for a location where nothing is served
    Then the station reports firmware status DownloadFailed, after Downloading if at all
