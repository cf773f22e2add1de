@octt @TC_044_3_CS @firmware
Feature: TC_044_3_CS Firmware Update - Installation Failed
  A firmware file the station cannot install (an image for another model, a corrupted one) is
  downloaded and then reported as failed to install. On the simulator the file carries its marker
  of an image for another model; at a live charger it is the file of the setting
  chargecheck.octt.invalidFirmwareFile, which the manufacturer supplies. The station may report
  Installing and may reboot; if it reboots, it reports its connector Available again.

  Tool validations (OCTT for OCPP 1.6, TC_044_3_CS):
  - FirmwareStatusNotification Downloading, Downloaded, Installing (if sent) and InstallationFailed, in that order
  - after a reboot, if there is one, StatusNotification Available

  Scenario: A firmware file the station must refuse is reported InstallationFailed
    Given a firmware file the station must refuse is on the file server
    When the central system sends UpdateFirmware with the location of the firmware file
    Then the station reports firmware status Downloading, Downloaded, Installing if at all, and InstallationFailed in order
    And if the station reboots, the connector reports Available after the reboot
