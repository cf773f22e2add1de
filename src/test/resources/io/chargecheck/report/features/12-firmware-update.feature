@case-12
Feature: Remote Firmware update
  Test case 12 of the platform's OCPP 1.6 test script.

  - Receive firmware file from manufacturer
  - After sending UpdateFirmware, FirmwareStatusNotification Downloading must be received,
    followed by FirmwareStatusNotification Installed
  - Automatically reboot if connectors are available

  Scenario: Firmware from the FTP server
    Given the charge station is connected
    Then case 12 holds
