@case-12
Feature: Remote Firmware update
  The platform can have the station fetch new firmware from an FTP server and install it.

  Acceptance criteria (test script, case 12):
  - Receive firmware file from manufacturer
  - After sending UpdateFirmware, FirmwareStatusNotification message with FirmwareStatus "Downloading"
    must be received, followed by FirmwareStatusNotification message with FirmwareStatus "Installed"
  - Automatically reboot if connectors are available

  Background:
    Given the station is connected and has booted
    And the manufacturer's firmware file is on the FTP server

  Scenario: The station downloads and installs the firmware, then reboots
    When the central system sends UpdateFirmware with the FTP location of the firmware file
    Then the station reports firmware status Downloading, Downloaded, Installing and Installed in order
    And the station reboots with a BootNotification
