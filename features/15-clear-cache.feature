@case-15
Feature: Clear cache (if applicable)
  The platform can empty the station's authorization cache.

  Acceptance criteria (test script, case 15):
  - After sending the ClearCache, a message with status Accepted must be received

  Background:
    Given the station is connected and has booted

  Scenario: ClearCache is accepted
    When the central system sends ClearCache
    Then the station accepts ClearCache
