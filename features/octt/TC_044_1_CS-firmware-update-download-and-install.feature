@octt @TC_044_1_CS @firmware
Feature: TC_044_1_CS Firmware Update - Download and Install
  The central system has the station fetch new firmware from the suite's file server and install
  it. The station reports each stage, reboots into the new firmware and reports its connector
  Available again. Its word is not taken for the download: the file server must see the whole file
  go to the station before it reports Downloaded. The reboot, the connector's status and Installed
  may come in any order.

  Tool validations (OCTT for OCPP 1.6, TC_044_1_CS):
  - FirmwareStatusNotification Downloading, Downloaded, Installing and Installed, in that order
  - a BootNotification after the update, then StatusNotification Available

  Scenario: The station downloads, installs and reboots into new firmware
    Given the manufacturer's firmware file is on the file server
    When the central system sends UpdateFirmware with the location of the firmware file
    Then the station reports firmware status Downloading, Downloaded, Installing and Installed in order
    And the station reboots with a BootNotification
    And the connector reports Available after the reboot
