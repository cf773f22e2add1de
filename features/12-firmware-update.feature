@case-12
Feature: Remote Firmware update
  The platform can have the station fetch new firmware from a file server and install it. The
  station's word is not taken for the download: the file server must see the whole file go to it.

  Acceptance criteria (test script, case 12):
  - Receive firmware file from manufacturer
  - After sending UpdateFirmware, FirmwareStatusNotification message with FirmwareStatus "Downloading"
    must be received, followed by FirmwareStatusNotification message with FirmwareStatus "Installed"
  - Automatically reboot if connectors are available

  Background:
    Given the station is connected and has booted
    And the manufacturer's firmware file is on the file server

  Scenario: The station downloads and installs the firmware, then reboots
    When the central system sends UpdateFirmware with the location of the firmware file
    Then the station reports firmware status Downloading, Downloaded, Installing and Installed in order
    And the station reboots with a BootNotification
