@octt @TC_019_CS @core
Feature: TC_019_CS Retrieve configuration
  A platform reads a station's configuration to manage it: the station must name the profiles it
  supports, list every key OCPP 1.6 requires of those profiles with the access OCPP gives it
  (read-only or writable), and answer as many keys in one request as its GetConfigurationMaxKeys
  says. The OCA leaves the keys of the optional profiles (Local Auth List Management, Smart
  Charging) to the tester's eye for now; here they are checked like the Core keys.

  Tool validations (OCTT for OCPP 1.6, TC_019_CS):
  - GetConfiguration of SupportedFeatureProfiles returns it, with no unknown key
  - the whole configuration holds every required key of each supported profile, read-only or writable as required
  - GetConfiguration of as many keys as GetConfigurationMaxKeys allows (at most all of them) returns every one, with no unknown key

  Scenario: The station lists its configuration as its profiles require
    When the central system asks for the configuration key "SupportedFeatureProfiles"
    Then the station returns every key asked for, and no unknown key
    When the central system asks for the whole configuration
    Then the list holds every key the OCA requires of the profiles the station supports, read-only or writable as required
    When the central system asks for the configuration key "GetConfigurationMaxKeys"
    And the central system asks, in one request, for as many keys of the list as GetConfigurationMaxKeys allows
    Then the station returns every key asked for, and no unknown key
